"""Helpers the corpus's handlers import: flows through them cross a file."""


def passthrough(value):
    return value.strip()


def constant(value):
    return "safe"

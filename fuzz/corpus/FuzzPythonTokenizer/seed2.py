x = """\N{BULLET}\x41""" rb"\d" t"{x}" 0x_1 1_000.5e-3j
@dec
async def g():
    async with a as b, c: await d

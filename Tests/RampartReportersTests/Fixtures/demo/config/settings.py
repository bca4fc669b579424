import os

TOKEN = "ghp_****************************a1B2"

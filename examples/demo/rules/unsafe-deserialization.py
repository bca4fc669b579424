import pickle

import yaml
from yaml import SafeLoader


def load(request, path):
    # ruleid: unsafe-deserialization
    profile = pickle.loads(request.data)
    # ruleid: unsafe-deserialization
    settings = yaml.load(request.data, Loader=yaml.Loader)
    with open(path, "rb") as fh:
        # ruleid: unsafe-deserialization
        state = pickle.load(fh)
    # ok: unsafe-deserialization
    safe = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: unsafe-deserialization
    also_safe = yaml.load(request.data, Loader=SafeLoader)
    # ok: unsafe-deserialization
    fixture = pickle.loads(b"\x80\x04K\x01.")
    # ok: unsafe-deserialization
    data = yaml.safe_load(request.data)
    return profile, settings, state, safe, also_safe, fixture, data

import asyncio
import aiohttp


# ruleid: functions-route-handler
@app.route("/a", methods=["GET", "POST"])
def handler_a():
    return 1


# ok: functions-route-handler
@app.route("/b", methods=["GET"])
def handler_b():
    return 1


# ok: functions-route-handler
@other.route("/c", methods=["POST"])
def handler_c():
    return 1


# NOTE: the match range starts at the FIRST decorator (@cache), not at the matched one
# ruleid: functions-route-handler
@cache
@app.route("/d", methods=["POST"])
def handler_d():
    return 1


# ruleid: functions-any-decorator-any-def
@login_required
def secret_page():
    pass


# NOTE: a bare decorator pattern @login_required also matches the call form @login_required()
# ruleid: functions-any-decorator-any-def
@login_required()
def other_page():
    pass


# ruleid: functions-undecorated-view
def view_one(request, pk):
    return pk


# ok: functions-undecorated-view
@csrf_exempt
def view_two(request):
    return 2


# ok: functions-undecorated-view
def not_a_view(req):
    return 3


# ruleid: functions-async-def
async def napper(n):
    print(n)
    await asyncio.sleep(n)
    return n


# ok: functions-async-def
def not_async(n):
    asyncio.sleep(n)


async def fetcher(url):
    # ruleid: functions-await-expr
    r = await fetch(url)
    # ok: functions-await-expr
    s = fetch(url)
    # NOTE: the reported range starts at the context expression (column 16), not at `async`
    # ruleid: functions-async-with
    async with aiohttp.ClientSession() as session:
        await session.get(url)
    # ok: functions-async-with
    with aiohttp.ClientSession() as session:
        pass
    return r, s


def files(p):
    # ruleid: functions-with-open
    with open(p, "w") as fh:
        fh.write("x")
    # ok: functions-with-open
    with open(p, "r") as fh:
        fh.read()
    # ok: functions-with-open
    with open(p, "w"):
        pass


# ruleid: functions-default-param
def defaults(a, verbose=True, *, strict=False):
    return a


# ok: functions-default-param
def defaults2(a, verbose=False):
    return a


# ruleid: functions-body-return-none
def noop():
    return None


# ok: functions-body-return-none
def noop2():
    log()
    return None

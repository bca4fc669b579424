def f(a, /, b, *, c=1, **k):
    match a:
        case [1, *r] | {"k": v} if v: return [i async for i in g()]
    return lambda x: (yield from x)
class C[T](B, metaclass=M): x: int = 1
try:
    pass
except* E as e:
    raise

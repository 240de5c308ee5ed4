"""The base of MindSpore's Primitive classes (``ops.ReLU()``, ``P.Concat(axis=1)``) and the one factory that makes
them: a class is its name, its constructor attributes (in MindSpore's order, with its defaults) and how a call
maps its inputs and attributes onto the functional op. No class computes anything itself.

MindSpore prints a Primitive as ``Prim[Name]`` followed by its attributes, ``Prim[Concat]<axis=1>``; ``attrs``
holds them, ``add_prim_attr`` adds one (and it is printed too), ``name`` is the class name.
"""


class Primitive:
    """A configured operator: its attributes are set at construction, it is applied by calling it."""

    def __init__(self, name=None):
        self.name = name if name is not None else type(self).__name__
        self.attrs = {}
        self.instance_name = ""

    # ---------------------------------------------------------------- MindSpore's Primitive API
    def add_prim_attr(self, name, value):
        self.attrs[name] = value
        return self

    def del_prim_attr(self, name):
        self.attrs.pop(name, None)
        return self

    def set_prim_instance_name(self, instance_name):
        self.instance_name = instance_name
        return self

    def init_prim_io_names(self, inputs, outputs):
        self.attrs["input_names"] = list(inputs)
        self.attrs["output_names"] = list(outputs)

    def set_device(self, device_target):
        return self.add_prim_attr("primitive_target", device_target)

    def shard(self, in_strategy=None, out_strategy=None):
        return self         # one device: sharding strategies have nothing to split

    def recompute(self, mode=True):
        return self

    def __repr__(self):
        shown = [(k, v) for k, v in self.attrs.items() if k not in ("input_names", "output_names")]
        if not shown:
            return f"Prim[{self.name}]"
        return f"Prim[{self.name}]<" + ", ".join(f"{k}={_attr_text(v)}" for k, v in shown) + ">"

    __str__ = __repr__


PrimitiveOp = Primitive     # the name minispore 0.x used


def _attr_text(v):
    if isinstance(v, list):
        v = tuple(v)
    return str(v)


_MISSING = object()


def prim(name, call, params=(), doc=None, base=Primitive, hidden=(), shown=None):
    """A Primitive class ``name``: ``params`` its constructor arguments ``((attr, default), ...)`` (a default
    ``_MISSING`` is required), ``call(self, *inputs)`` what calling it does (with the functional ops).
    ``hidden``: attributes MindSpore records after the constructor's (``("side_effect_mem", True)``); ``shown``:
    ``{attr: fn(value)}``, the form MindSpore records an attribute in (``pad_mode='same'`` as ``SAME``)."""
    params = tuple(params)
    names = [p for p, _ in params]

    def __init__(self, *args, **kwargs):
        base.__init__(self, name)
        if len(args) > len(params):
            raise TypeError(f"For '{name}', the constructor takes at most {len(params)} arguments "
                            f"({', '.join(names) or 'none'}), but {len(args)} were given.")
        values = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(f"For '{name}', the constructor got an unexpected argument {k!r}; it takes "
                                f"{', '.join(names) or 'none'}.")
            if k in values:
                raise TypeError(f"For '{name}', the constructor got multiple values for argument {k!r}.")
            values[k] = v
        for p, default in params:
            v = values.get(p, default)
            if v is _MISSING:
                raise TypeError(f"For '{name}', the constructor is missing the required argument {p!r}.")
            setattr(self, p, v)
            self.attrs[p] = shown[p](v) if shown and p in shown else v
        for p, v in hidden:
            self.attrs[p] = v

    cls = type(name, (base,), {"__init__": __init__, "__call__": call,
                               "__doc__": doc or f"MindSpore's ``{name}`` Primitive (the functional op underneath)."})
    return cls


def unary(name, fn):
    return prim(name, lambda self, x: fn(x))


def binary(name, fn):
    return prim(name, lambda self, x, y: fn(x, y))


def collect(namespace):
    return sorted(n for n, v in namespace.items()
                  if isinstance(v, type) and issubclass(v, Primitive) and v is not Primitive and not n.startswith("_"))

"""Run unmodified MindSpore code on minispore: ``import mindspore`` (and ``mindspore.nn`` ...) resolve to the
matching ``minispore`` modules while ``install()`` is active. Nothing named ``mindspore`` is installed."""
import importlib
import importlib.abc
import importlib.util
import sys


class MissingAPIError(AttributeError):
    """A MindSpore API that minispore does not provide (an AttributeError, so ``hasattr`` keeps working)."""


def missing(module_name, attr):
    public = module_name.replace("minispore", "mindspore", 1)
    return MissingAPIError(f"{public}.{attr} is not available in minispore: MindSpore has this API but minispore "
                           f"does not implement it yet.")


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target):
        self.target = target

    def create_module(self, spec):
        module = importlib.import_module(self.target)
        self.original = (module.__spec__, module.__loader__)
        return module

    def exec_module(self, module):
        # importlib stamped the alias spec on the real module: put minispore's own back
        module.__spec__, module.__loader__ = self.original


class MindSporeAlias(importlib.abc.MetaPathFinder):
    """Resolve ``mindspore[.x.y]`` to ``minispore[.x.y]``."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "mindspore" and not fullname.startswith("mindspore."):
            return None
        real = "minispore" + fullname[len("mindspore"):]
        try:
            found = importlib.util.find_spec(real)
        except ModuleNotFoundError:
            found = None
        if found is None:
            raise ModuleNotFoundError(f"No module named '{fullname}': minispore does not implement this part of "
                                      f"MindSpore ({real} does not exist).", name=fullname)
        return importlib.util.spec_from_loader(fullname, _AliasLoader(real),
                                               is_package=found.submodule_search_locations is not None)


_finder = MindSporeAlias()


def install():
    """Make ``import mindspore`` import minispore (idempotent)."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)


def uninstall():
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    for name in [n for n in sys.modules if n == "mindspore" or n.startswith("mindspore.")]:
        del sys.modules[name]


def module_getattr(module_name, lazy=None):
    """A module-level ``__getattr__`` that imports submodules on first use, resolves ``lazy`` names
    (name -> submodule defining it) and names missing APIs clearly."""
    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        if lazy and name in lazy:
            value = getattr(importlib.import_module(f"{module_name}.{lazy[name]}"), name)
            setattr(sys.modules[module_name], name, value)
            return value
        try:
            found = importlib.util.find_spec(f"{module_name}.{name}")
        except (ModuleNotFoundError, ValueError):
            found = None
        if found is not None:
            return importlib.import_module(f"{module_name}.{name}")
        raise missing(module_name, name)
    return __getattr__

"""Argument checks with MindSpore's ``_checkparam`` messages (shared by optimizers and learning-rate code).

Kept free of imports from ``minispore.nn`` so ``learning_rate_schedule`` and ``dynamic_lr`` can use it too.
"""
import math

def _check_number(arg_value, value, rel, arg_type, arg_name=None, prim_name=None):
    """``arg_value`` must be an ``arg_type`` (bool excluded) with ``arg_value <rel> value``."""
    prim_info = (f"For '{prim_name}', the " if prim_name else "The ") + (f"'{arg_name}'" if arg_name else
                                                                       "input value")
    if isinstance(arg_value, arg_type) and not isinstance(arg_value, bool):
        if math.isinf(arg_value) or math.isnan(arg_value):
            raise ValueError(f"{prim_info} must be a legal value, but got '{arg_value}'.")
    else:
        raise TypeError(f"{prim_info} must be {arg_type.__name__}, but got '{type(arg_value).__name__}'")
    ok = {">": arg_value > value, ">=": arg_value >= value}[rel]
    if not ok:
        raise ValueError(f"{prim_info} must be {arg_type.__name__} and must {rel} {value}, "
                         f"but got '{arg_value}' with type '{type(arg_value).__name__}'.")
    return arg_value


def check_positive_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, ">", int, arg_name, prim_name)


def check_positive_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, ">", float, arg_name, prim_name)


def check_non_negative_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, ">=", float, arg_name, prim_name)


def check_is_float(arg_value, arg_name=None, prim_name=None):
    prefix = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if isinstance(arg_value, float):
        if math.isinf(arg_value) or math.isnan(arg_value):
            raise ValueError(f"{prefix} {name} must be a legal float, but got '{arg_value}'.")
        return arg_value
    raise TypeError(f"{prefix} type of {name} must be 'float', but got '{type(arg_value).__name__}'.")


def check_value_type(arg_name, arg_value, valid_types, prim_name=None):
    valid_types = tuple(valid_types) if isinstance(valid_types, (list, tuple)) else (valid_types,)
    names = [t.__name__ for t in valid_types]
    bad = (isinstance(arg_value, bool) and bool not in valid_types) or not isinstance(arg_value, valid_types)
    if bad:
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        wanted = f"one of '{names}'" if len(names) > 1 else f"'{names[0]}'"
        raise TypeError(f"{prefix} type of '{arg_name}' should be {wanted}, "
                        f"but got type '{type(arg_value).__name__}'.")
    return arg_value


def check_bool(arg_value, arg_name=None, prim_name=None):
    if not isinstance(arg_value, bool):
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        name = f"'{arg_name}'" if arg_name else "input value"
        raise TypeError(f"{prefix} {name} must be a bool, but got {type(arg_value).__name__}.")
    return arg_value


def check_float_range_open(arg_value, lower, upper, arg_name, prim_name):
    """``lower < arg_value < upper`` for a float (MindSpore's ``check_float_range(..., INC_NEITHER)``)."""
    prefix = f"For '{prim_name}', the" if prim_name else "The"
    if isinstance(arg_value, bool) or not isinstance(arg_value, float):
        raise TypeError(f"{prefix} '{arg_name}' must be 'float',  but got '{type(arg_value).__name__}'.")
    if not lower < arg_value < upper:
        raise ValueError(f"{prefix} '{arg_name}' must be in range of ({lower}, {upper}), "
                         f"but got {arg_value} with type '{type(arg_value).__name__}'.")
    return arg_value

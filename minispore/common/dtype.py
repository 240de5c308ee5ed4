"""``mindspore.common.dtype`` (imported by users as ``mstype``)."""
from .._core.dtype import *  # noqa: F401,F403
from .._core.dtype import (Type, all_types, bool_, canonical, dtype_to_nptype, float16, float32, float64,  # noqa
                           float_type, from_numpy, int8, int16, int32, int64, int_type, number_type,
                           pytype_to_dtype, to_numpy, uint8, uint16, uint32, uint64, uint_type)

Bool, Int8, Int16, Int32, Int64 = bool_, int8, int16, int32, int64
UInt8, UInt16, UInt32, UInt64 = uint8, uint16, uint32, uint64
Float16, Float32, Float64 = float16, float32, float64
TensorType = Type

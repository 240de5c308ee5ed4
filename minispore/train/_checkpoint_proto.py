"""MindSpore's checkpoint protobuf messages, built at run time (no generated ``_pb2`` file, no protoc).

The schema is ``mindspore/ccsrc/utils/checkpoint.proto`` (proto2)::

    message Checkpoint {
        message Value {
            required string tag = 1;
            oneof value { TensorProto tensor = 2; MapTensorProto maptensor = 3; }
        }
        repeated Value value = 1;
    }
    message TensorProto {
        repeated int64 dims = 1;            // proto2: not packed
        required string tensor_type = 2;
        required bytes tensor_content = 3;
    }
    message MapTensorProto { repeated TensorProto tensor = 1; }

The descriptor goes into a private ``DescriptorPool`` so it never clashes with MindSpore's own
``checkpoint_pb2`` (same file and message names) when both are imported in one process. Works with
protobuf 3.20 through 7.x (``message_factory.GetMessageClass`` where it exists, else
``MessageFactory.GetPrototype``).

This module imports protobuf at import time; ``minispore.train.serialization`` imports it lazily.
"""
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

__all__ = ["Checkpoint", "TensorProto", "MapTensorProto", "DecodeError"]

from google.protobuf.message import DecodeError  # noqa: E402

_F = descriptor_pb2.FieldDescriptorProto


def _field(msg, name, number, label, ftype, type_name=None, oneof_index=None):
    f = msg.field.add()
    f.name, f.number, f.label, f.type = name, number, label, ftype
    if type_name is not None:
        f.type_name = type_name
    if oneof_index is not None:
        f.oneof_index = oneof_index
    return f


def _file_descriptor_proto():
    fdp = descriptor_pb2.FileDescriptorProto()
    fdp.name = "checkpoint.proto"
    # no ``syntax`` field: proto2 is the default, and the descriptor then equals MindSpore's compiled one

    ckpt = fdp.message_type.add()
    ckpt.name = "Checkpoint"
    _field(ckpt, "value", 1, _F.LABEL_REPEATED, _F.TYPE_MESSAGE, ".Checkpoint.Value")
    value = ckpt.nested_type.add()
    value.name = "Value"
    value.oneof_decl.add().name = "value"
    _field(value, "tag", 1, _F.LABEL_REQUIRED, _F.TYPE_STRING)
    _field(value, "tensor", 2, _F.LABEL_OPTIONAL, _F.TYPE_MESSAGE, ".TensorProto", oneof_index=0)
    _field(value, "maptensor", 3, _F.LABEL_OPTIONAL, _F.TYPE_MESSAGE, ".MapTensorProto", oneof_index=0)

    tensor = fdp.message_type.add()
    tensor.name = "TensorProto"
    _field(tensor, "dims", 1, _F.LABEL_REPEATED, _F.TYPE_INT64)
    _field(tensor, "tensor_type", 2, _F.LABEL_REQUIRED, _F.TYPE_STRING)
    _field(tensor, "tensor_content", 3, _F.LABEL_REQUIRED, _F.TYPE_BYTES)

    maptensor = fdp.message_type.add()
    maptensor.name = "MapTensorProto"
    _field(maptensor, "tensor", 1, _F.LABEL_REPEATED, _F.TYPE_MESSAGE, ".TensorProto")
    return fdp


def _message_class(descriptor, pool):
    get_class = getattr(message_factory, "GetMessageClass", None)   # protobuf >= 4.22 (removed GetPrototype in 5.x+)
    if get_class is not None:
        return get_class(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)  # protobuf 3.20 / 4.21


_POOL = descriptor_pool.DescriptorPool()
_POOL.AddSerializedFile(_file_descriptor_proto().SerializeToString())

Checkpoint = _message_class(_POOL.FindMessageTypeByName("Checkpoint"), _POOL)
TensorProto = _message_class(_POOL.FindMessageTypeByName("TensorProto"), _POOL)
MapTensorProto = _message_class(_POOL.FindMessageTypeByName("MapTensorProto"), _POOL)

"""MindSpore's MindIR protobuf messages, built at run time (no generated ``_pb2`` file, no protoc).

The schema is ``mindspore/core/proto/mind_ir.proto`` (proto2, package ``mind_ir``). Only the fields minispore
reads or writes are declared, with MindSpore's names and numbers; a file that carries others (quantisation,
parallel layouts, preprocessing) still parses, as protobuf skips fields it does not know::

    message ModelProto { ir_version = 1; producer_name = 2; producer_version = 3; domain = 4; model_version = 5;
                         doc_string = 6; GraphProto graph = 7; repeated GraphProto functions = 8;
                         little_endian = 10; repeated PrimitiveProto primitives = 12; mind_ir_version = 13; }
    message GraphProto { repeated NodeProto node = 1; name = 2; repeated TensorProto parameter = 3;
                         doc_string = 4; repeated ValueInfoProto input = 5; repeated ValueInfoProto output = 6;
                         bprop_hash = 7; repeated AttributeProto attribute = 8; bprop_filepath = 9; }
    message NodeProto { repeated string input = 1; repeated string output = 2; name = 3; op_type = 4;
                        repeated AttributeProto attribute = 5; doc_string = 6; domain = 7;
                        repeated AttributeProto node_attr = 8; repeated AttributeProto primal_attr = 9; }
    message AttributeProto { name = 1; float f = 2; int64 i = 3; double d = 4; bytes s = 5; TensorProto t = 6;
                             GraphProto g = 7; repeated floats = 8; doubles = 9; ints = 10; strings = 11;
                             repeated TensorProto tensors = 12; ...; AttributeType type = 16;
                             repeated AttributeProto values = 17; SeqInfoProto seq_info = 18; }
    message ValueInfoProto { name = 1; repeated TensorProto tensor = 2; doc_string = 3; denotation = 4;
                             AttributeProto attr_info = 5; }
    message TensorProto { repeated int64 dims = 1; DataType data_type = 2; repeated float float_data = 3;
                          int32_data = 4; bytes string_data = 5; int64_data = 6; name = 7; doc_string = 8;
                          bytes raw_data = 9; repeated double double_data = 10; ...; ref_key = 13;
                          CompressionType compression_type = 16; }
    message PrimitiveProto { name = 1; op_type = 2; repeated AttributeProto attribute = 3; instance_name = 4;
                             PrimType prim_type = 5; }

The descriptor goes into a private ``DescriptorPool``, so it never clashes with MindSpore's own ``mind_ir_pb2``.
"""
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.message import DecodeError

from ._checkpoint_proto import _message_class

__all__ = ["ModelProto", "GraphProto", "NodeProto", "AttributeProto", "ValueInfoProto", "TensorProto",
           "PrimitiveProto", "DecodeError", "ATTR", "DTYPE"]

_F = descriptor_pb2.FieldDescriptorProto
_OPT, _REP, _REQ = _F.LABEL_OPTIONAL, _F.LABEL_REPEATED, _F.LABEL_REQUIRED
_STR, _BYTES, _I64, _I32, _U64 = _F.TYPE_STRING, _F.TYPE_BYTES, _F.TYPE_INT64, _F.TYPE_INT32, _F.TYPE_UINT64
_FLOAT, _DOUBLE, _BOOL, _MSG, _ENUM = _F.TYPE_FLOAT, _F.TYPE_DOUBLE, _F.TYPE_BOOL, _F.TYPE_MESSAGE, _F.TYPE_ENUM

# AttributeProto.AttributeType (the values minispore uses; the enum lists all of MindSpore's)
_ATTRIBUTE_TYPES = ["UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
                    "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16", "TENSOR",
                    "GRAPH", "TENSORS", "TUPLE", "LIST", "DICT", "UMONAD", "IOMONAD", "NONE", "PRIMITIVECLOSURE",
                    "FUNCGRAPHCLOSURE", "PARTIALCLOSURE", "UNIONFUNCCLOSURE", "CSR_TENSOR", "COO_TENSOR",
                    "ROW_TENSOR", "CLASS_TYPE", "NAME_SPACE", "SYMBOL", "TYPE_NULL", "MAP_TENSOR", "FUNCTOR",
                    "SCALAR", "SCALAR_GRAPH_HOLDER"]
_DATA_TYPES = ["UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
               "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16", "FLOAT64", "QINT4X2"]
_COMPRESSION = ["NO_COMPRESSION", "INDEXING", "SPARSE", "FSE", "BIT_PACKING", "FSE_INT", "FSE_INFER"]

ATTR = {name: number for number, name in enumerate(_ATTRIBUTE_TYPES)}
DTYPE = {name: number for number, name in enumerate(_DATA_TYPES)}


def _enum(container, name, values, start=0):
    e = container.enum_type.add()
    e.name = name
    for number, value in enumerate(values, start):
        v = e.value.add()
        v.name, v.number = value, number


def _message(fdp, name, fields, parent=None):
    msg = (parent.nested_type if parent is not None else fdp.message_type).add()
    msg.name = name
    for fname, number, label, ftype, *type_name in fields:
        f = msg.field.add()
        f.name, f.number, f.label, f.type = fname, number, label, ftype
        if type_name:
            f.type_name = type_name[0]
    return msg


def _file_descriptor_proto():
    fdp = descriptor_pb2.FileDescriptorProto()
    fdp.name = "minispore_mind_ir.proto"
    fdp.package = "mind_ir"
    p = ".mind_ir."
    attr = _message(fdp, "AttributeProto", [
        ("name", 1, _OPT, _STR), ("f", 2, _OPT, _FLOAT), ("i", 3, _OPT, _I64), ("d", 4, _OPT, _DOUBLE),
        ("s", 5, _OPT, _BYTES), ("t", 6, _OPT, _MSG, p + "TensorProto"), ("g", 7, _OPT, _MSG, p + "GraphProto"),
        ("floats", 8, _REP, _FLOAT), ("doubles", 9, _REP, _DOUBLE), ("ints", 10, _REP, _I64),
        ("strings", 11, _REP, _BYTES), ("tensors", 12, _REP, _MSG, p + "TensorProto"),
        ("graphs", 13, _REP, _MSG, p + "GraphProto"), ("doc_string", 14, _OPT, _STR),
        ("ref_attr_name", 15, _OPT, _STR), ("type", 16, _OPT, _ENUM, p + "AttributeProto.AttributeType"),
        ("values", 17, _REP, _MSG, p + "AttributeProto"),
        ("seq_info", 18, _OPT, _MSG, p + "AttributeProto.SeqInfoProto")])
    _enum(attr, "AttributeType", _ATTRIBUTE_TYPES)
    _message(fdp, "SeqInfoProto", [("is_dyn_len", 1, _OPT, _BOOL),
                                   ("tuple_elem_item", 2, _OPT, _MSG, p + "AttributeProto")], parent=attr)
    _message(fdp, "ValueInfoProto", [
        ("name", 1, _OPT, _STR), ("tensor", 2, _REP, _MSG, p + "TensorProto"), ("doc_string", 3, _OPT, _STR),
        ("denotation", 4, _OPT, _STR), ("attr_info", 5, _OPT, _MSG, p + "AttributeProto")])
    _message(fdp, "NodeProto", [
        ("input", 1, _REP, _STR), ("output", 2, _REP, _STR), ("name", 3, _OPT, _STR), ("op_type", 4, _OPT, _STR),
        ("attribute", 5, _REP, _MSG, p + "AttributeProto"), ("doc_string", 6, _OPT, _STR),
        ("domain", 7, _OPT, _STR), ("node_attr", 8, _REP, _MSG, p + "AttributeProto"),
        ("primal_attr", 9, _REP, _MSG, p + "AttributeProto")])
    _message(fdp, "ModelProto", [
        ("ir_version", 1, _OPT, _STR), ("producer_name", 2, _OPT, _STR), ("producer_version", 3, _OPT, _STR),
        ("domain", 4, _OPT, _STR), ("model_version", 5, _OPT, _STR), ("doc_string", 6, _OPT, _STR),
        ("graph", 7, _OPT, _MSG, p + "GraphProto"), ("functions", 8, _REP, _MSG, p + "GraphProto"),
        ("little_endian", 10, _OPT, _BOOL), ("primitives", 12, _REP, _MSG, p + "PrimitiveProto"),
        ("mind_ir_version", 13, _OPT, _I64)])
    _message(fdp, "GraphProto", [
        ("node", 1, _REP, _MSG, p + "NodeProto"), ("name", 2, _OPT, _STR),
        ("parameter", 3, _REP, _MSG, p + "TensorProto"), ("doc_string", 4, _OPT, _STR),
        ("input", 5, _REP, _MSG, p + "ValueInfoProto"), ("output", 6, _REP, _MSG, p + "ValueInfoProto"),
        ("bprop_hash", 7, _OPT, _STR), ("attribute", 8, _REP, _MSG, p + "AttributeProto"),
        ("bprop_filepath", 9, _OPT, _STR)])
    tensor = _message(fdp, "TensorProto", [
        ("dims", 1, _REP, _I64), ("data_type", 2, _OPT, _ENUM, p + "TensorProto.DataType"),
        ("float_data", 3, _REP, _FLOAT), ("int32_data", 4, _REP, _I32), ("string_data", 5, _REP, _BYTES),
        ("int64_data", 6, _REP, _I64), ("name", 7, _OPT, _STR), ("doc_string", 8, _OPT, _STR),
        ("raw_data", 9, _OPT, _BYTES), ("double_data", 10, _REP, _DOUBLE), ("uint64_data", 11, _REP, _U64),
        ("ref_key", 13, _OPT, _STR),
        ("compression_type", 16, _OPT, _ENUM, p + "TensorProto.CompressionType")])
    _enum(tensor, "DataType", _DATA_TYPES)
    _enum(tensor, "CompressionType", _COMPRESSION)
    prim = _message(fdp, "PrimitiveProto", [
        ("name", 1, _OPT, _STR), ("op_type", 2, _OPT, _STR), ("attribute", 3, _REP, _MSG, p + "AttributeProto"),
        ("instance_name", 4, _OPT, _STR), ("prim_type", 5, _OPT, _ENUM, p + "PrimitiveProto.PrimType")])
    _enum(prim, "PrimType", ["PRIMITIVE", "PRIMITIVE_FUNCTION"], start=1)
    return fdp


_POOL = descriptor_pool.DescriptorPool()
_POOL.AddSerializedFile(_file_descriptor_proto().SerializeToString())


def _cls(name):
    return _message_class(_POOL.FindMessageTypeByName("mind_ir." + name), _POOL)


ModelProto = _cls("ModelProto")
GraphProto = _cls("GraphProto")
NodeProto = _cls("NodeProto")
AttributeProto = _cls("AttributeProto")
ValueInfoProto = _cls("ValueInfoProto")
TensorProto = _cls("TensorProto")
PrimitiveProto = _cls("PrimitiveProto")
PRIMITIVE, PRIMITIVE_FUNCTION = 1, 2

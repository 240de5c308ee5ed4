"""MindSpore's MindRecord exception classes (``mindspore.mindrecord.common.exceptions``), with the same names and
``str`` format (``[ParamValueError]: Invalid parameter value. ...``). The parameter errors are also ValueError /
TypeError, so that ``except ValueError`` catches them too."""

__all__ = ["MindRecordException", "ParamValueError", "ParamTypeError", "ParamMissError", "PathNotExistsError",
           "MRMOpenError", "MRMOpenForAppendError", "MRMInvalidPageSizeError", "MRMInvalidHeaderSizeError",
           "MRMSetHeaderError", "MRMWriteDatasetError", "MRMCommitError", "MRMAddSchemaError", "MRMAddIndexError",
           "MRMBuildSchemaError", "MRMGetMetaError", "MRMIndexGeneratorError", "MRMGenerateIndexError",
           "MRMInvalidSchemaError", "MRMValidateDataError", "MRMDefineIndexError", "MRMDefineBlobError",
           "MRMUnsupportedSchemaError"]

_BASE = {
    "ParamTypeError": "Param type is error.", "ParamValueError": "Param value is error.",
    "ParamMissError": "Param missing.", "PathNotExistsError": "Path does not exist.",
    "MRMOpenError": "MindRecord could not open.", "MRMOpenForAppendError": "MindRecord could not open for append.",
    "MRMInvalidPageSizeError": "Failed to set page size.", "MRMInvalidHeaderSizeError": "Failed to set header size.",
    "MRMSetHeaderError": "Failed to set header.", "MRMWriteDatasetError": "Failed to write dataset.",
    "MRMCommitError": "Failed to commit.", "MRMAddSchemaError": "Failed to add schema.",
    "MRMAddIndexError": "Failed to add index field.", "MRMBuildSchemaError": "Failed to build schema.",
    "MRMGetMetaError": "Failed to get meta info.", "MRMIndexGeneratorError": "Failed to create index generator.",
    "MRMGenerateIndexError": "Failed to generate index.", "MRMInvalidSchemaError": "Schema is error.",
    "MRMValidateDataError": "Raw data is valid.", "MRMDefineIndexError": "Index field is error.",
    "MRMDefineBlobError": "Blob field is error.", "MRMUnsupportedSchemaError": "Schema is not supported.",
}


class MindRecordException(Exception):
    """MindRecord base error class: ``str`` is ``[ClassName]: message``."""

    def __init__(self, detail=None):
        super().__init__()
        base = _BASE.get(type(self).__name__, "Unknown Error.")
        self.error_msg = base if detail is None else detail

    def __str__(self):
        return f"[{type(self).__name__}]: {self.error_msg}"


class ParamValueError(MindRecordException, ValueError):
    def __init__(self, error_detail):
        super().__init__()
        self.error_msg = f"Invalid parameter value. {error_detail}"


class ParamTypeError(MindRecordException, TypeError):
    def __init__(self, param_name, expected_type):
        super().__init__()
        self.error_msg = f"Invalid parameter type. '{param_name}' expect {expected_type} type."


class ParamMissError(MindRecordException, ValueError):
    def __init__(self, param_name):
        super().__init__()
        self.error_msg = f"Param missing. '{param_name}' is required."


class PathNotExistsError(MindRecordException, FileNotFoundError):
    def __init__(self, error_path):
        super().__init__()
        self.error_msg = f"Path does not exist. {error_path}"


def _detail_class(name, *bases):
    def __init__(self, error_detail=None):
        MindRecordException.__init__(self)
        if error_detail is not None:
            self.error_msg = error_detail
    return type(name, (MindRecordException,) + bases, {"__init__": __init__, "__module__": __name__})


MRMOpenError = _detail_class("MRMOpenError", RuntimeError)
MRMOpenForAppendError = _detail_class("MRMOpenForAppendError", RuntimeError)
MRMInvalidPageSizeError = _detail_class("MRMInvalidPageSizeError", ValueError)
MRMInvalidHeaderSizeError = _detail_class("MRMInvalidHeaderSizeError", ValueError)
MRMSetHeaderError = _detail_class("MRMSetHeaderError", RuntimeError)
MRMWriteDatasetError = _detail_class("MRMWriteDatasetError", RuntimeError)
MRMCommitError = _detail_class("MRMCommitError", RuntimeError)
MRMAddSchemaError = _detail_class("MRMAddSchemaError", RuntimeError)
MRMAddIndexError = _detail_class("MRMAddIndexError", ValueError)
MRMBuildSchemaError = _detail_class("MRMBuildSchemaError", ValueError)
MRMGetMetaError = _detail_class("MRMGetMetaError", RuntimeError)
MRMIndexGeneratorError = _detail_class("MRMIndexGeneratorError", RuntimeError)
MRMGenerateIndexError = _detail_class("MRMGenerateIndexError", RuntimeError)
MRMInvalidSchemaError = _detail_class("MRMInvalidSchemaError", ValueError)
MRMValidateDataError = _detail_class("MRMValidateDataError", ValueError)
MRMDefineIndexError = _detail_class("MRMDefineIndexError", ValueError)
MRMDefineBlobError = _detail_class("MRMDefineBlobError", ValueError)
MRMUnsupportedSchemaError = _detail_class("MRMUnsupportedSchemaError", ValueError)

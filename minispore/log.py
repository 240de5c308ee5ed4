"""``mindspore.log`` (``from mindspore import log as logger``): MindSpore's Python logger, on :mod:`logging`.

The level follows MindSpore's ``GLOG_v`` environment variable (0 DEBUG, 1 INFO, 2 WARNING, the default, 3 ERROR,
4 CRITICAL), read when the logger is first used; records print as MindSpore's do,
``[WARNING] ME(pid:...) module.py:line] message`` on standard error.
"""
import logging
import os
import sys

__all__ = ["get_level", "get_log_config"]

_LEVELS = {"0": logging.DEBUG, "1": logging.INFO, "2": logging.WARNING, "3": logging.ERROR, "4": logging.CRITICAL}
_NAMES = {logging.DEBUG: "DEBUG", logging.INFO: "INFO", logging.WARNING: "WARNING", logging.ERROR: "ERROR",
          logging.CRITICAL: "CRITICAL"}
_logger = None


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time of the record (it may be replaced after the first use)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


class _Formatter(logging.Formatter):
    def format(self, record):
        return (f"[{_NAMES.get(record.levelno, record.levelname)}] ME({record.process}:{record.thread},"
                f"{record.processName}):{self.formatTime(record, '%Y-%m-%d-%H:%M:%S')} "
                f"[{record.pathname}:{record.lineno}] {record.getMessage()}")


def _level_text():
    level = os.environ.get("GLOG_v", "2")
    if level not in _LEVELS:
        raise ValueError(f"Incorrect log level: {level!r}, please check the log level setting (GLOG_v). It must "
                         f"be one of 0, 1, 2, 3, 4.")
    return level


def _get_logger():
    global _logger
    if _logger is None:
        logger = logging.getLogger("mindspore")
        logger.propagate = False
        logger.setLevel(_LEVELS[_level_text()])
        handler = _StderrHandler()
        handler.setFormatter(_Formatter())
        logger.addHandler(handler)
        _logger = logger
    return _logger


def get_level():
    """The logger's level as MindSpore spells it: '0' (DEBUG) to '4' (CRITICAL)."""
    level = _get_logger().getEffectiveLevel()
    return next(k for k, v in _LEVELS.items() if v == level)


def get_log_config():
    """The logger's configuration: at least ``{'GLOG_v': level}``."""
    return {"GLOG_v": get_level()}


def debug(msg, *args, **kwargs):
    _get_logger().debug(msg, *args, stacklevel=2, **kwargs)


def info(msg, *args, **kwargs):
    _get_logger().info(msg, *args, stacklevel=2, **kwargs)


def warning(msg, *args, **kwargs):
    _get_logger().warning(msg, *args, stacklevel=2, **kwargs)


def error(msg, *args, **kwargs):
    _get_logger().error(msg, *args, stacklevel=2, **kwargs)


def critical(msg, *args, **kwargs):
    _get_logger().critical(msg, *args, stacklevel=2, **kwargs)


def exception(msg, *args, **kwargs):
    _get_logger().exception(msg, *args, stacklevel=2, **kwargs)


warn = warning

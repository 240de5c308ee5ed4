"""The per-epoch progress bar ``Model.train`` shows when stdout is a terminal (minispore only).

The bar (tqdm, imported lazily) shows the steps of the epoch and the running mean loss. While it is shown,
``sys.stdout`` is wrapped so that complete printed lines (LossMonitor's, the user's) appear above the bar
instead of being overwritten by it. Nothing is shown, and stdout is untouched, when stdout is not a terminal
(redirected, captured, piped), so printed output there is exactly MindSpore's. Set the environment variable
``MINISPORE_PROGRESS=0`` to turn the bar off everywhere, or ``=1`` to force it on.
"""
import os
import sys

import numpy as np

from ..._core.tensor import Tensor
from ._callback import Callback, _handle_loss


def progress_enabled(stream=None):
    """Whether ``Model.train`` should show a progress bar on ``stream`` (default ``sys.stdout``)."""
    setting = os.environ.get("MINISPORE_PROGRESS", "").strip().lower()
    if setting in ("0", "false", "off", "no"):
        return False
    stream = sys.stdout if stream is None else stream
    if setting not in ("1", "true", "on", "yes"):
        try:
            if not stream.isatty():
                return False
        except (AttributeError, ValueError):
            return False
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


class _LineWriter:
    """A stdout stand-in that writes whole lines above the active tqdm bars."""

    def __init__(self, real, tqdm_cls):
        self._real = real
        self._tqdm = tqdm_cls
        self._buf = ""

    def write(self, s):
        self._buf += s
        if "\n" in self._buf:
            text, self._buf = self._buf.rsplit("\n", 1)
            with self._tqdm.external_write_mode(file=self._real):
                self._real.write(text + "\n")
                self._real.flush()
        return len(s)

    def flush(self):
        self._real.flush()

    def finish(self):
        if self._buf:
            self._real.write(self._buf)
            self._buf = ""
        self._real.flush()

    def __getattr__(self, name):
        return getattr(self._real, name)


class _ProgressBar(Callback):
    """Internal callback: a tqdm bar per training epoch with the running mean loss."""

    def __init__(self, total_epochs):
        super().__init__()
        from tqdm import tqdm
        self._tqdm = tqdm
        self._total_epochs = total_epochs
        self._bar = None
        self._real_stdout = None
        self._writer = None
        self._depth = 0
        self._loss_sum = 0.0
        self._loss_n = 0

    def __enter__(self):
        # Re-entrant: only the outermost entry wraps sys.stdout (and saves the real one), only the outermost
        # exit restores it, so a nested entry can't save the wrapper as the "real" stdout.
        self._depth += 1
        if self._depth == 1:
            self._real_stdout = sys.stdout
            self._writer = _LineWriter(self._real_stdout, self._tqdm)
            sys.stdout = self._writer
        return self

    def __exit__(self, *err):
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth:
            return
        self._close()
        if sys.stdout is self._writer:
            sys.stdout = self._real_stdout
        if self._writer is not None:
            self._writer.finish()
            self._writer = None

    def _close(self):
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def on_train_epoch_begin(self, run_context):
        cb_params = run_context.original_args()
        self._close()
        self._loss_sum, self._loss_n = 0.0, 0
        batch_num = cb_params.get("batch_num")
        self._bar = self._tqdm(total=batch_num if isinstance(batch_num, int) and batch_num > 0 else None,
                               desc=f"Epoch {cb_params.get('cur_epoch_num')}/{self._total_epochs}",
                               file=self._real_stdout, unit="step", leave=True, dynamic_ncols=True)

    def on_train_step_end(self, run_context):
        if self._bar is None:
            return
        loss = _handle_loss(run_context.original_args().get("net_outputs"))
        if isinstance(loss, Tensor):
            loss = float(np.mean(loss.asnumpy()))
        if isinstance(loss, (float, int)) and np.isfinite(loss):
            self._loss_sum += float(loss)
            self._loss_n += 1
            self._bar.set_postfix_str(f"loss={self._loss_sum / self._loss_n:.6f}", refresh=False)
        self._bar.update(1)

    def on_train_epoch_end(self, run_context):
        self._close()

    def on_train_end(self, run_context):
        self._close()

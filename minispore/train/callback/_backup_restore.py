"""``BackupAndRestore``: back the training network up into ``backup_dir/backup.ckpt`` every ``save_freq`` epochs,
load that backup when training begins (resuming an interrupted run) and delete it when training ends."""
import os
import stat

from ._callback import Callback, _check_bool, _check_positive_int


class BackupAndRestore(Callback):
    """Back up and restore the training network (MindSpore 2.10's rules: ``save_freq`` is ``"epoch"`` (1) or a
    positive int of epochs; ``delete_checkpoint`` removes the backup at the end of training)."""

    def __init__(self, backup_dir, save_freq="epoch", delete_checkpoint=True):
        super().__init__()
        if not isinstance(backup_dir, str):
            raise TypeError(f"For 'BackupAndRestore', the 'backup_dir' must be a str, but got "
                            f"{type(backup_dir).__name__}.")
        ckpt_dir = os.path.realpath(os.path.expanduser(backup_dir))
        os.makedirs(ckpt_dir, exist_ok=True)
        self.backup_file = os.path.join(ckpt_dir, "backup.ckpt")
        self.save_freq = 1 if save_freq == "epoch" else _check_positive_int(save_freq)
        self.delete_checkpoint = _check_bool(delete_checkpoint)

    def on_train_begin(self, run_context):
        if os.path.exists(self.backup_file):
            from ..serialization import load_checkpoint
            load_checkpoint(self.backup_file, net=run_context.original_args().train_network)

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        if cb_params.cur_epoch_num % self.save_freq == 0:
            from ..serialization import save_checkpoint
            save_checkpoint(cb_params.train_network, self.backup_file)

    def on_train_end(self, run_context):
        if self.delete_checkpoint and os.path.exists(self.backup_file):
            os.chmod(self.backup_file, stat.S_IWRITE)
            os.remove(self.backup_file)

"""Golden cases for the recurrent layers and cells (nn.RNN/LSTM/GRU, nn.RNNCell/LSTMCell/GRUCell).

`cases(ms, jit=False)` yields (name, thunk). A thunk uses only the framework module `ms` (MindSpore 2.10 when
recording with gen_rnn.py, minispore in tests/test_golden_rnn.py) and NumPy, and returns what describe.py encodes.
Every weight is set by parameter name from seeded NumPy; the computational cases return the outputs, the final
states and the gradients of a weighted sum of all of them with respect to the input, the initial states and every
parameter. With ``jit=True`` the computational cases run with the forward and the gradient compiled by ``ms.jit``.
"""
import os
import tempfile

import numpy as np

T_LEN, BATCH, IN, HID = 5, 3, 3, 4
LENGTHS = [5, 2, 4]


def rnd(seed, *shape, scale=1.0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def set_weights(net, ms, seed, scale=0.4):
    for i, p in enumerate(sorted(net.get_parameters(), key=lambda q: q.name)):
        p.set_data(ms.Tensor(rnd(seed + i, *tuple(p.shape), scale=scale)))
    return net


def S(t):
    return t


LAYERS = {"LSTM": ("LSTM", {}), "GRU": ("GRU", {}), "RNN_tanh": ("RNN", {}),
          "RNN_relu": ("RNN", {"nonlinearity": "relu"})}

# (num_layers, bidirectional, batch_first, with seq_length, with hx)
CONFIGS = [(1, False, False, False, False), (1, True, False, False, True), (2, False, True, False, True),
           (2, True, True, False, False), (1, False, False, True, True), (1, True, True, True, False),
           (2, True, False, True, True), (2, False, False, True, False)]


CLASSIFIER_IDS = np.array([[1, 2, 3, 4], [5, 6, 7, 0]], np.int32)


def lstm_classifier(ms):
    """Embedding -> bidirectional LSTM -> Dense on the last step (the checkpoint case)."""
    nn = ms.nn

    class Classifier(nn.Cell):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(10, 3)
            self.lstm = nn.LSTM(3, 4, 1, bidirectional=True, batch_first=True)
            self.fc = nn.Dense(8, 2)

        def construct(self, ids):
            y, _ = self.lstm(self.embedding(ids))
            return self.fc(y[:, -1])
    return Classifier()


def _config_name(cfg):
    layers, bidir, batch_first, seq, hx = cfg
    return f"l{layers}{'.bi' if bidir else ''}{'.bf' if batch_first else ''}{'.seq' if seq else ''}" \
           f"{'.hx' if hx else ''}"


def cases(ms, jit=False):
    nn = ms.nn
    T = ms.Tensor
    out = []

    def add(name, thunk, jittable=False):
        out.append((name, thunk, jittable))

    def wrap(f):
        return ms.jit(f) if jit else f

    def layer_case(kind, cfg, seed):
        cls, extra = LAYERS[kind]
        layers, bidir, batch_first, seq, with_hx = cfg
        d = 2 if bidir else 1

        def thunk():
            net = getattr(nn, cls)(IN, HID, num_layers=layers, bidirectional=bidir, batch_first=batch_first,
                                   **extra)
            set_weights(net, ms, seed)
            shape = (BATCH, T_LEN, IN) if batch_first else (T_LEN, BATCH, IN)
            x = T(rnd(seed + 100, *shape))
            h0 = T(rnd(seed + 101, layers * d, BATCH, HID, scale=0.5))
            c0 = T(rnd(seed + 102, layers * d, BATCH, HID, scale=0.5))
            sl = T(np.array(LENGTHS, np.int32)) if seq else None
            is_lstm = cls == "LSTM"
            y_shape = shape[:2] + (d * HID,)
            ct_y, ct_h, ct_c = (T(rnd(seed + 200 + i, *s)) for i, s in
                                enumerate([y_shape, (layers * d, BATCH, HID), (layers * d, BATCH, HID)]))

            def run(x, h0, c0):
                hx = ((h0, c0) if is_lstm else h0) if with_hx else None
                return net(x, hx, sl)

            def loss(x, h0, c0):
                y, hn = run(x, h0, c0)
                if is_lstm:
                    return (y * ct_y).sum() + (hn[0] * ct_h).sum() + (hn[1] * ct_c).sum()
                return (y * ct_y).sum() + (hn * ct_h).sum()
            params = net.trainable_params()
            y, hn = wrap(run)(x, h0, c0)
            grads = wrap(ms.grad(loss, (0, 1, 2) if with_hx else 0, params))(x, h0, c0)
            gin, gw = grads
            res = {"out": y, "states": hn}
            if with_hx:
                res["gx"], res["gh0"] = gin[0], gin[1]
                if is_lstm:
                    res["gc0"] = gin[2]
            else:
                res["gx"] = gin
            res["gw"] = [(p.name, g) for p, g in zip(params, gw)]
            return res
        add(f"{kind}.{_config_name(cfg)}", thunk, True)

    for k, kind in enumerate(LAYERS):
        for c, cfg in enumerate(CONFIGS):
            layer_case(kind, cfg, 1000 * k + 10 * c)

    # dropout between layers is off in evaluation and with p = 0; eval mode with p > 0 gives the same
    def dropout_eval():
        net = nn.LSTM(IN, HID, num_layers=2, dropout=0.5)
        set_weights(net, ms, 77)
        net.set_train(False)
        y, (h, c) = net(T(rnd(78, T_LEN, BATCH, IN)))
        return {"out": y, "h": h, "c": c}
    add("LSTM.dropout_eval", dropout_eval, True)

    # ---------------------------------------------------------------- cells
    cells = {"RNNCell_tanh": ("RNNCell", {}), "RNNCell_relu": ("RNNCell", {"nonlinearity": "relu"}),
             "LSTMCell": ("LSTMCell", {}), "GRUCell": ("GRUCell", {})}
    for k, (kind, (cls, extra)) in enumerate(cells.items()):
        for has_bias in (True, False):
            def cell_thunk(cls=cls, extra=extra, has_bias=has_bias, seed=5000 + 100 * k + has_bias):
                net = getattr(nn, cls)(IN, HID, has_bias=has_bias, **extra)
                set_weights(net, ms, seed)
                x = T(rnd(seed + 1, BATCH, IN))
                h = T(rnd(seed + 2, BATCH, HID, scale=0.5))
                c = T(rnd(seed + 3, BATCH, HID, scale=0.5))
                is_lstm = cls == "LSTMCell"
                ct1, ct2 = T(rnd(seed + 4, BATCH, HID)), T(rnd(seed + 5, BATCH, HID))

                def run(x, h, c):
                    return net(x, (h, c)) if is_lstm else net(x, h)

                def loss(x, h, c):
                    r = run(x, h, c)
                    if is_lstm:
                        return (r[0] * ct1).sum() + (r[1] * ct2).sum()
                    return (r * ct1).sum()
                params = net.trainable_params()
                gin, gw = wrap(ms.grad(loss, (0, 1, 2), params))(x, h, c)
                return {"out": wrap(run)(x, h, c), "gx": gin[0], "gh": gin[1], "gc": gin[2],
                        "gw": [(p.name, g) for p, g in zip(params, gw)]}
            add(f"cell.{kind}{'' if has_bias else '.nobias'}", cell_thunk, True)

    # ---------------------------------------------------------------- names, layouts, reprs
    def names(cls, *args, **kw):
        def thunk():
            class Net(nn.Cell):
                def __init__(self):
                    super().__init__()
                    self.rnn = getattr(nn, cls)(*args, **kw)

                def construct(self, x):
                    return self.rnn(x)
            net = Net()
            return {"params": [(p.name, tuple(p.shape), str(p.dtype), p.requires_grad)
                               for p in net.get_parameters()],
                    "repr": repr(net.rnn)}
        return thunk
    add("names.LSTM_2_bi", names("LSTM", 3, 4, 2, bidirectional=True))
    add("names.GRU_nobias", names("GRU", 3, 4, has_bias=False))
    add("names.RNN_relu", names("RNN", 3, 4, nonlinearity="relu", num_layers=2))
    add("names.RNN_dropout", names("RNN", 3, 4, num_layers=2, dropout=0.25))
    add("names.LSTMCell", names("LSTMCell", 3, 4))
    add("names.GRUCell_nobias", names("GRUCell", 3, 4, has_bias=False))
    add("names.RNNCell", names("RNNCell", 3, 4, nonlinearity="relu"))

    def init_bounds():
        """The default initialisation: every weight uniform in +-1/sqrt(hidden)."""
        net = nn.LSTM(3, 16, 2, bidirectional=True)
        bound = 1 / np.sqrt(16)
        return [(p.name, bool(np.abs(p.asnumpy()).max() <= bound), bool(np.abs(p.asnumpy()).max() > bound / 2))
                for p in net.get_parameters()]
    add("init.LSTM_uniform", init_bounds)

    def seeded_numpy_init():
        """MindSpore draws the layer weights from NumPy's global generator: a seeded NumPy gives its weights."""
        np.random.seed(123)
        net = nn.GRU(3, 4, bidirectional=True)
        return [(p.name, p) for p in net.get_parameters()]
    add("init.GRU_seeded_numpy", seeded_numpy_init)

    # ---------------------------------------------------------------- checkpoints
    def ckpt_bytes():
        """The bytes of a checkpoint of an LSTM classifier with fixed weights (minispore writes MindSpore's)."""
        net = set_weights(lstm_classifier(ms), ms, 900)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lstm.ckpt")
            ms.save_checkpoint(net, path)
            with open(path, "rb") as f:
                data = f.read()
            fresh = lstm_classifier(ms)
            ms.load_param_into_net(fresh, ms.load_checkpoint(path))
            return {"bytes": data.hex(), "out": fresh(T(CLASSIFIER_IDS))}
    add("ckpt.lstm_classifier", ckpt_bytes)

    # ---------------------------------------------------------------- errors
    def err(name, build, call):
        def thunk():
            net = build()
            return call(net)
        add("err." + name, thunk)
    x3 = lambda: T(rnd(1, T_LEN, BATCH, IN))  # noqa: E731
    err("input_size", lambda: nn.LSTM(IN, HID), lambda n: n(T(rnd(1, T_LEN, BATCH, IN + 1))))
    err("hx_shape", lambda: nn.GRU(IN, HID), lambda n: n(x3(), T(rnd(2, 2, BATCH, HID))))
    err("lstm_hx_not_tuple", lambda: nn.LSTM(IN, HID), lambda n: n(x3(), T(rnd(2, 1, BATCH, HID))))
    err("seq_length_batch", lambda: nn.LSTM(IN, HID), lambda n: n(x3(), None, T(np.array([5, 5], np.int32))))
    err("seq_length_dtype", lambda: nn.RNN(IN, HID), lambda n: n(x3(), None, T(np.array([5., 5., 5.], np.float32))))
    err("dropout_range", lambda: nn.LSTM(IN, HID, dropout=1.0), lambda n: n)
    err("dropout_type", lambda: nn.LSTM(IN, HID, dropout=1), lambda n: n)
    err("hidden_size", lambda: nn.GRU(IN, 0), lambda n: n)
    err("nonlinearity", lambda: nn.RNN(IN, HID, nonlinearity="sigmoid"), lambda n: n)
    err("cell_hx_shape", lambda: nn.GRUCell(IN, HID), lambda n: n(T(rnd(1, BATCH, IN)), T(rnd(2, BATCH, HID + 1))))
    err("lstmcell_hx_tuple_len", lambda: nn.LSTMCell(IN, HID),
        lambda n: n(T(rnd(1, BATCH, IN)), (T(rnd(2, BATCH, HID)),)))
    err("hx_dtype", lambda: nn.GRU(IN, HID),
        lambda n: n(x3(), T(rnd(2, 1, BATCH, HID)).astype(ms.float16)))

    for name, thunk, jittable in out:
        if not jit or jittable:
            yield name, thunk


DELIBERATE = {}


def tolerance(name):
    """(rtol, atol). MindSpore's float32 recurrences drift: in RNN_tanh.l2.bi.bf its weight_ih_l1 gradient is 3.1e-5
    from the same computation in float64, where minispore's float32 is within 5e-7 of it; 4e-5 covers that."""
    return 1e-4, 4e-5

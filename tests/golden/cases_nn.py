"""Golden cases for nn / optimizers / checkpoints / dataset / train.Model.

`cases(ms)` yields (name, thunk). Each thunk uses only the framework module `ms`
(MindSpore when recording, minispore when checking) plus NumPy, and returns a plain
Python result that `describe.describe` can encode.  All inputs and weights are
deterministic (np.random.default_rng); MindSpore's own RNG is never relied on,
except in the `init_stats.*` cases, whose values are checked against formulas.
"""
import contextlib
import gzip
import io
import os
import pathlib
import re
import shutil
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CKPT_DIR = os.path.join(HERE, "ckpt")
# the shared MNIST copy next to the repository (<repo>/../shared/data/mnist); the cases skip when it is absent
MNIST_DIR = os.environ.get("MINISPORE_MNIST_DIR",
                           str(pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data" / "mnist"))


class CaseSkip(Exception):
    """Raised by a thunk when an external resource (e.g. MNIST) is missing."""


def rnd(seed, *shape, scale=1.0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def unif(seed, *shape, low=0.0, high=1.0):
    return np.random.default_rng(seed).uniform(low, high, shape).astype(np.float32)


def set_weights(net, ms, seed, scale=0.1):
    """Deterministically overwrite every parameter (in parameters_and_names order)."""
    for i, (_, p) in enumerate(net.parameters_and_names()):
        p.set_data(ms.Tensor(rnd(seed + i, *tuple(p.shape), scale=scale)))
    return net


def absum(t):
    return float(np.abs(t.asnumpy()).sum())


def grad_summary(g):
    """Compact, order-insensitive summary of a (possibly big) gradient tensor."""
    a = g.asnumpy()
    return {"dtype": str(g.dtype), "shape": list(a.shape), "abs_sum": float(np.abs(a).sum()),
            "sq_sum": float((a.astype(np.float64) ** 2).sum()), "head": a.reshape(-1)[:8].tolist()}


def capture(fn):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        res = fn()
    return res, buf.getvalue()


def make_small_mnist(dst, n=20):
    """Write the first n test images/labels of real MNIST as raw IDX files into dst."""
    img_gz = os.path.join(MNIST_DIR, "t10k-images-idx3-ubyte.gz")
    lab_gz = os.path.join(MNIST_DIR, "t10k-labels-idx1-ubyte.gz")
    if not (os.path.exists(img_gz) and os.path.exists(lab_gz)):
        raise CaseSkip("MNIST not available at %s" % MNIST_DIR)
    with gzip.open(img_gz, "rb") as f:
        img = f.read(16 + n * 784)
    with gzip.open(lab_gz, "rb") as f:
        lab = f.read(8 + n)
    img = img[:4] + n.to_bytes(4, "big") + img[8:]
    lab = lab[:4] + n.to_bytes(4, "big") + lab[8:]
    with open(os.path.join(dst, "t10k-images-idx3-ubyte"), "wb") as f:
        f.write(img)
    with open(os.path.join(dst, "t10k-labels-idx1-ubyte"), "wb") as f:
        f.write(lab)
    return dst


class _Lazy:
    """Resolve a sub-module on first use, so a missing one fails only the cases that use it."""

    def __init__(self, get):
        self._get = get

    def __getattr__(self, name):
        return getattr(self._get(), name)


LOSS_RE = re.compile(r"^(.*loss is )(\S+)$")


# ----------------------------------------------------------------------------------------
def cases(ms):
    nn = ms.nn
    ops = _Lazy(lambda: ms.ops)  # noqa: F841
    T = ms.Tensor
    P = ms.Parameter

    def tensor(a, dtype=None):
        return T(np.asarray(a), dtype) if dtype is not None else T(np.asarray(a))

    # ------------------------------------------------------------------ tutorial network
    class Network(nn.Cell):
        def __init__(self):
            super().__init__()
            self.flatten = nn.Flatten()
            self.dense_relu_sequential = nn.SequentialCell(
                nn.Dense(28 * 28, 512, weight_init="normal", bias_init="zeros"),
                nn.ReLU(),
                nn.Dense(512, 512, weight_init="normal", bias_init="zeros"),
                nn.ReLU(),
                nn.Dense(512, 10, weight_init="normal", bias_init="zeros"),
            )

        def construct(self, x):
            x = self.flatten(x)
            logits = self.dense_relu_sequential(x)
            return logits

    def tutorial_net():
        return set_weights(Network(), ms, 100, scale=0.05)

    X_img = unif(1, 3, 28, 28)
    Y_lab = np.array([1, 7, 3], np.int32)

    yield "tutorial.repr", lambda: repr(Network())
    yield "tutorial.str_equals_repr", lambda: (lambda n: str(n) == repr(n))(Network())
    yield "tutorial.parameters_and_names", lambda: [
        (n, tuple(p.shape), p.name, str(p.dtype), p.requires_grad) for n, p in Network().parameters_and_names()]
    yield "tutorial.trainable_params", lambda: [p.name for p in Network().trainable_params()]
    yield "tutorial.untrainable_params", lambda: [p.name for p in Network().untrainable_params()]
    yield "tutorial.cells_and_names", lambda: [(n, type(c).__name__) for n, c in Network().cells_and_names()]
    yield "tutorial.parameters_dict_keys", lambda: list(Network().parameters_dict().keys())
    yield "tutorial.get_parameters_is_generator", lambda: (lambda g: (hasattr(g, "__next__"), len(list(g))))(
        Network().get_parameters())
    yield "tutorial.training_flag", lambda: (lambda n: (n.training, n.set_train().training is True,
                                                        n.dense_relu_sequential[0].training,
                                                        n.set_train(False).training))(Network())
    yield "tutorial.weight_init_normal_stats", lambda: (lambda w: (
        str(w.dtype), tuple(w.shape), abs(float(w.asnumpy().std()) - 0.01) < 0.0005,
        float(np.abs(Network().dense_relu_sequential[0].bias.asnumpy()).sum())))(
        Network().dense_relu_sequential[0].weight)

    def tut_forward():
        model = tutorial_net()
        X = T(X_img)
        logits = model(X)
        pred_probab = nn.Softmax(axis=1)(logits)
        y_pred = pred_probab.argmax(1)
        return {"logits": logits, "probab": pred_probab, "y_pred": y_pred,
                "str_pred": str(y_pred), "repr_pred": repr(y_pred),
                "print_pred": capture(lambda: print(f"Predicted class: {y_pred}"))[1]}
    yield "tutorial.forward", tut_forward

    def tut_param_print():
        model = tutorial_net()
        out = []
        for name, param in model.parameters_and_names():
            out.append(f"Layer: {name}\nSize: {param.shape}\nValues : \n{param[:2]} \n")
        return out
    yield "tutorial.param_print", tut_param_print
    yield "tutorial.param_slice_type", lambda: (lambda p: (type(p[:2]).__name__, str(p[:2].dtype), repr(p)))(
        tutorial_net().dense_relu_sequential[4].bias)

    def walkthrough():
        input_image = T(X_img)
        flatten = nn.Flatten()
        flat_image = flatten(input_image)
        layer1 = nn.Dense(in_channels=28 * 28, out_channels=20)
        layer1.weight.set_data(T(rnd(5, 20, 784, scale=0.05)))
        layer1.bias.set_data(T(rnd(6, 20, scale=0.05)))
        hidden1 = layer1(flat_image)
        relu_h = nn.ReLU()(hidden1)
        l2 = nn.Dense(20, 10)
        l2.weight.set_data(T(rnd(7, 10, 20, scale=0.2)))
        l2.bias.set_data(T(rnd(8, 10, scale=0.2)))
        seq_modules = nn.SequentialCell(flatten, layer1, nn.ReLU(), l2)
        logits = seq_modules(input_image)
        softmax = nn.Softmax(axis=1)
        pred_probab = softmax(logits)
        return {"flat_shape": flat_image.shape, "hidden1": hidden1, "relu": relu_h,
                "logits": logits, "probab": pred_probab, "seq_repr": repr(seq_modules),
                "hidden1_str_shape": str(hidden1.shape)}
    yield "tutorial.walkthrough", walkthrough

    def tut_grad_ce():
        model = tutorial_net()
        loss_fn = nn.CrossEntropyLoss()

        def forward_fn(data, label):
            logits = model(data)
            return loss_fn(logits, label)
        grad_fn = ms.value_and_grad(forward_fn, None, weights=model.trainable_params())
        loss, grads = grad_fn(T(X_img), T(Y_lab))
        return {"loss": loss, "type": type(grads).__name__, "n": len(grads),
                "grads": [grad_summary(g) for g in grads]}
    yield "tutorial.value_and_grad_ce", tut_grad_ce

    def tut_grad_bce():
        model = tutorial_net()
        loss_fn = nn.BCEWithLogitsLoss()
        tgt = np.eye(10, dtype=np.float32)[Y_lab]

        def forward_fn(data, label):
            return loss_fn(model(data), label)
        grad_fn = ms.value_and_grad(forward_fn, None, weights=model.trainable_params())
        loss, grads = grad_fn(T(X_img), T(tgt))
        return {"loss": loss, "grads": [grad_summary(g) for g in grads]}
    yield "tutorial.value_and_grad_bce", tut_grad_bce

    def tut_has_aux():
        model = tutorial_net()
        loss_fn = nn.CrossEntropyLoss()
        optimizer = nn.SGD(model.trainable_params(), 1e-2)

        def forward_fn(data, label):
            logits = model(data)
            loss = loss_fn(logits, label)
            return loss, logits
        grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)
        model.set_train()
        losses = []
        out = None
        for _ in range(3):
            (loss, logits), grads = grad_fn(T(X_img), T(Y_lab))
            ret = optimizer(grads)
            losses.append(loss)
            out = logits
        model.set_train(False)
        correct = (model(T(X_img)).argmax(1) == T(Y_lab)).asnumpy().sum()
        return {"losses": losses, "last_logits": out, "ret": ret, "correct": correct,
                "loss_item": losses[-1].asnumpy().item(),
                "line": f"loss: {losses[0].asnumpy():>7f}  [{0:>3d}/{100:>3d}]",
                "w0": grad_summary(model.dense_relu_sequential[4].weight)}
    yield "tutorial.has_aux_train_steps", tut_has_aux

    # ------------------------------------------------------------------ naming
    class Inner(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(3, 2)
            self.w = P(T(np.ones((2,), np.float32)), name="w_custom")

        def construct(self, x):
            return self.fc(x) + self.w

    class Outer(nn.Cell):
        def __init__(self):
            super().__init__()
            self.b = P(T(np.zeros((2,), np.float32)), name="b")
            self.inner = Inner()
            self.head = nn.Dense(2, 1, has_bias=False)

        def construct(self, x):
            return self.head(self.inner(x) + self.b)

    def names(net):
        return [(n, p.name) for n, p in net.parameters_and_names()]

    yield "naming.inner_alone", lambda: names(Inner())
    yield "naming.nested", lambda: names(Outer())
    yield "naming.nested_repr", lambda: repr(Outer())
    yield "naming.nested_cells_and_names", lambda: [n for n, _ in Outer().cells_and_names()]
    yield "naming.name_cells", lambda: list(Outer().name_cells().keys())
    yield "naming.parameters_dict", lambda: list(Outer().parameters_dict().keys())

    class Doubly(nn.Cell):
        def __init__(self):
            super().__init__()
            self.outer = Outer()

    yield "naming.doubly_nested", lambda: names(Doubly())

    class NoPrefix(nn.Cell):
        def __init__(self):
            super().__init__(auto_prefix=False)
            self.fc = nn.Dense(3, 2)

    class HoldsNoPrefix(nn.Cell):
        def __init__(self):
            super().__init__()
            self.np_ = NoPrefix()

    yield "naming.auto_prefix_false", lambda: names(NoPrefix())
    yield "naming.auto_prefix_false_child", lambda: names(HoldsNoPrefix())

    class Explicit(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = P(T(np.ones((5, 3), np.float32)), name="w_custom")
            self.plain = T(np.ones((2,), np.float32))
            self.unnamed = P(T(np.ones((1,), np.float32)))

    yield "naming.explicit_name", lambda: names(Explicit())
    yield "naming.plain_tensor_not_param", lambda: (lambda e: (len(list(e.get_parameters())),
                                                              type(e.plain).__name__))(Explicit())

    class Containers(nn.Cell):
        def __init__(self):
            super().__init__()
            self.seq = nn.SequentialCell(nn.Dense(2, 2), nn.ReLU(), nn.Dense(2, 1))
            self.layers = nn.CellList([nn.Dense(1, 2), nn.Dense(2, 3)])
            self.d = nn.CellDict({"fc": nn.Dense(3, 1), "act": nn.ReLU()})

    yield "naming.containers", lambda: names(Containers())
    yield "naming.containers_repr", lambda: repr(Containers())
    yield "naming.containers_cells", lambda: [n for n, _ in Containers().cells_and_names()]

    def insert_child():
        net = nn.Cell()
        fc = nn.Dense(3, 2)
        net.insert_child_to_cell("fc", fc)
        return names(net), [n for n, _ in net.cells_and_names()]
    yield "naming.insert_child_to_cell", insert_child

    def insert_param():
        net = nn.Cell()
        net.insert_param_to_cell("pp", P(T(np.ones((2,), np.float32)), name="pp"))
        return names(net)
    yield "naming.insert_param_to_cell", insert_param

    class Shared(nn.Cell):
        def __init__(self):
            super().__init__()
            d = nn.Dense(2, 2)
            self.a = d
            self.b = d

        def construct(self, x):
            return self.b(self.a(x))

    yield "naming.shared_subcell", lambda: (names(Shared()), [n for n, _ in Shared().cells_and_names()],
                                             [p.name for p in Shared().trainable_params()])

    def seq_edit():
        seq = nn.SequentialCell(nn.Dense(2, 3), nn.ReLU(), nn.Dense(3, 4), nn.Dense(4, 5))
        before = names(seq)
        del seq[1]
        after_del = names(seq)
        keys_del = list(seq.name_cells().keys())
        seq[0] = nn.Dense(2, 3, has_bias=False)
        after_set = names(seq)
        seq.append(nn.Sigmoid())
        return {"before": before, "after_del": after_del, "keys_after_del": keys_del,
                "after_set": after_set, "len": len(seq), "repr": repr(seq),
                "slice_type": type(seq[1:]).__name__, "slice_len": len(seq[1:]),
                "last": repr(seq[-1])}
    yield "naming.sequential_del_setitem", seq_edit

    def seq_ordered():
        from collections import OrderedDict
        seq = nn.SequentialCell(OrderedDict([("dense", nn.Dense(2, 3)), ("act", nn.ReLU())]))
        return names(seq), repr(seq)
    yield "naming.sequential_ordereddict", seq_ordered

    def cell_list_ops():
        cl = nn.CellList([nn.Dense(1, 1)])
        cl.append(nn.ReLU())
        cl.insert(0, nn.Tanh())
        cl.extend([nn.Sigmoid()])
        return {"len": len(cl), "repr": repr(cl), "names": names(cl),
                "types": [type(c).__name__ for c in cl]}
    yield "naming.celllist_ops", cell_list_ops
    yield "naming.celllist_call_error", lambda: nn.CellList([nn.ReLU()])(T(np.ones(2, np.float32)))

    yield "repr.dense_no_bias", lambda: repr(nn.Dense(3, 2, has_bias=False))
    yield "repr.dense_activation", lambda: repr(nn.Dense(3, 2, activation="relu"))
    yield "repr.dense_activation_cell", lambda: repr(nn.Dense(3, 2, activation=nn.Tanh()))
    yield "repr.flatten", lambda: (repr(nn.Flatten(0, 2)), repr(nn.Flatten()))
    yield "repr.softmax", lambda: (repr(nn.Softmax(axis=1)), repr(nn.LogSoftmax(axis=1)))
    yield "repr.empty_sequential", lambda: (repr(nn.SequentialCell()), len(nn.SequentialCell()))
    yield "repr.empty_celllist", lambda: repr(nn.CellList())
    yield "repr.base_cell", lambda: repr(nn.Cell())
    yield "repr.parameter", lambda: (repr(P(T(np.zeros((5, 3), np.float32)), name="w")),
                                      str(P(T(np.zeros((5, 3), np.float32)), name="w")))
    yield "repr.parameter_no_grad", lambda: repr(P(T(np.zeros((2,), np.int32)), name="step", requires_grad=False))
    yield "repr.parameter_scalar", lambda: (repr(P(T(np.float32(1.5)), name="s")), str(P(3, name="i").dtype))
    yield "repr.parameter_tuple", lambda: repr(ms.ParameterTuple(
        [P(T(np.zeros((2,), np.float32)), name="a"), P(T(np.zeros((1, 2), np.float64)), name="b")]))
    yield "repr.losses", lambda: [repr(c) for c in (nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss(), nn.MSELoss(),
                                                    nn.L1Loss(), nn.NLLLoss(), nn.SmoothL1Loss())]
    yield "repr.layers", lambda: [repr(c) for c in (nn.ReLU(), nn.ReLU6(), nn.LeakyReLU(), nn.GELU(), nn.SiLU(),
                                                    nn.Sigmoid(), nn.Tanh(), nn.ELU(), nn.Softsign(),
                                                    nn.Identity(), nn.HSwish(), nn.HSigmoid(), nn.LogSigmoid(),
                                                    nn.Mish(), nn.PReLU())]
    yield "repr.norm_layers", lambda: [repr(nn.LayerNorm((4,))), repr(nn.BatchNorm1d(4)),
                                       repr(nn.Embedding(10, 3)), repr(nn.Dropout(p=0.5))]
    yield "repr.optimizer", lambda: repr(nn.SGD([P(T(np.zeros(2, np.float32)), name="w")], 0.1))

    class Frozen(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(2, 2)
            self.step = P(T(np.array(0, np.int32)), name="step", requires_grad=False)
            self.fc.bias.requires_grad = False

    yield "naming.untrainable", lambda: (lambda f: ([p.name for p in f.trainable_params()],
                                                    [p.name for p in f.untrainable_params()],
                                                    names(f)))(Frozen())

    def param_props():
        p = P(T(np.arange(6, dtype=np.float32).reshape(2, 3)), name="w")
        c = p.clone()
        r = p.set_data(T(np.ones((2, 3), np.int32)))
        return {"isinstance_tensor": isinstance(p, T), "clone_name": c.name, "set_data_returns_self": r is p,
                "dtype_after_int_set": str(p.dtype), "value": p, "add_type": type(p + 1).__name__,
                "slice": p[:1], "value_type": type(p.value()).__name__,
                "int_param": str(P(3, name="x").dtype), "shape": p.shape}
    yield "param.properties", param_props

    # ------------------------------------------------------------------ layers
    x2 = rnd(11, 4, 5)
    x3 = rnd(12, 2, 3, 5)

    def dense(inn, out, seed, **kw):
        d = nn.Dense(inn, out, **kw)
        d.weight.set_data(T(rnd(seed, out, inn, scale=0.5)))
        if d.bias is not None:
            d.bias.set_data(T(rnd(seed + 1, out, scale=0.5)))
        return d

    yield "layer.dense_2d", lambda: dense(5, 3, 20)(T(x2))
    yield "layer.dense_3d", lambda: dense(5, 3, 20)(T(x3))
    yield "layer.dense_no_bias", lambda: dense(5, 3, 20, has_bias=False)(T(x2))
    yield "layer.dense_relu", lambda: dense(5, 3, 20, activation="relu")(T(x2))
    yield "layer.dense_tanh_cell", lambda: dense(5, 3, 20, activation=nn.Tanh())(T(x3))
    yield "layer.dense_weight_shapes", lambda: (lambda d: (d.weight.shape, d.bias.shape, d.weight.name,
                                                           d.in_channels, d.out_channels))(nn.Dense(5, 3))
    yield "layer.dense_const_init", lambda: (lambda d: (d.weight, d.bias))(nn.Dense(3, 2, weight_init=0.5,
                                                                                   bias_init="ones"))
    yield "layer.dense_tensor_init", lambda: nn.Dense(3, 2, weight_init=T(rnd(1, 2, 3)),
                                                      bias_init=T(rnd(2, 2)))(T(rnd(3, 4, 3)))
    yield "layer.dense_tensor_init_bad_shape", lambda: nn.Dense(3, 2, weight_init=T(rnd(1, 3, 2)))
    yield "layer.dense_float16", lambda: (lambda d: (str(d.weight.dtype), str(d.bias.dtype)))(
        nn.Dense(3, 2, dtype=ms.float16))
    yield "layer.dense_default_init_range", lambda: (lambda d: (
        bool(np.abs(d.weight.asnumpy()).max() <= 0.05), bool(np.abs(d.bias.asnumpy()).max() <= 0.05),
        bool(d.weight.asnumpy().std() > 0.025)))(nn.Dense(400, 300))

    def linear():
        lin = nn.Linear(5, 3)
        lin.weight.set_data(T(rnd(30, 3, 5)))
        lin.bias.set_data(T(rnd(31, 3)))
        return {"out": lin(T(x2)), "repr": repr(lin), "names": names(lin),
                "nobias": repr(nn.Linear(5, 3, bias=False))}
    yield "layer.linear", linear
    yield "layer.identity", lambda: (nn.Identity()(T(x2)), repr(nn.Identity()))
    yield "layer.flatten_variants", lambda: [nn.Flatten()(T(x3)).shape, nn.Flatten(0)(T(x3)).shape,
                                             nn.Flatten(0, 1)(T(x3)).shape, nn.Flatten(1, 1)(T(x3)).shape,
                                             nn.Flatten(0, 2)(T(x3)).shape]
    yield "layer.flatten_1d_error", lambda: nn.Flatten()(T(np.ones(3, np.float32)))

    def dropout():
        d = nn.Dropout(p=0.5)
        d.set_train(False)
        out_eval = d(T(x2))
        d2 = nn.Dropout(p=0.5)  # never set_train -> training is False
        return {"repr": repr(d), "eval": out_eval, "default_training": d2.training, "default_out": d2(T(x2))}
    yield "layer.dropout_eval", dropout

    def dropout_train():
        d = nn.Dropout(p=0.5)
        d.set_train(True)
        out = d(T(np.ones((100, 100), np.float32))).asnumpy()
        vals = sorted(set(np.round(out.reshape(-1), 4).tolist()))
        return vals, bool(0.4 < (out == 0).mean() < 0.6)
    yield "layer.dropout_train_values", dropout_train
    yield "layer.dropout_p_zero_ok", lambda: repr(nn.Dropout(p=0.0))
    yield "layer.dropout_p_one_error", lambda: nn.Dropout(p=1.0)

    def embedding():
        e = nn.Embedding(10, 3)
        e.embedding_table.set_data(T(rnd(40, 10, 3)))
        idx = T(np.array([[1, 2, 9], [0, 0, 4]], np.int32))
        return {"out": e(idx), "names": names(e), "repr": repr(e), "table_shape": e.embedding_table.shape}
    yield "layer.embedding", embedding

    def layernorm():
        ln = nn.LayerNorm((5,))
        ln.gamma.set_data(T(rnd(41, 5)))
        ln.beta.set_data(T(rnd(42, 5)))
        ln2 = nn.LayerNorm((3, 5), begin_norm_axis=1, begin_params_axis=1)
        return {"out": ln(T(x3)), "names": names(ln), "repr": repr(ln), "out_default": ln2(T(x3)),
                "names2": [(n, p.shape) for n, p in ln2.parameters_and_names()]}
    yield "layer.layernorm", layernorm

    def batchnorm():
        bn = nn.BatchNorm1d(5)
        bn.gamma.set_data(T(rnd(43, 5)))
        bn.beta.set_data(T(rnd(44, 5)))
        bn.set_train(True)
        out_train = bn(T(x2))
        mm, mv = bn.moving_mean.asnumpy().copy(), bn.moving_variance.asnumpy().copy()
        out_train2 = bn(T(x2 * 2 + 1))
        bn.set_train(False)
        out_eval = bn(T(x2))
        return {"names": [(n, p.name, p.requires_grad) for n, p in bn.parameters_and_names()],
                "out_train": out_train, "mean1": mm, "var1": mv, "out_train2": out_train2,
                "mean2": bn.moving_mean, "var2": bn.moving_variance, "out_eval": out_eval, "repr": repr(bn)}
    yield "layer.batchnorm1d", batchnorm

    act_x = np.array([[-3.0, -1.0, -0.5, 0.0], [0.25, 1.0, 2.5, 3.5]], np.float32)
    yield "act.ReLU6_clip", lambda: (lambda c, x: (c(x), ms.grad(lambda a: c(a).sum())(x)))(
        nn.ReLU6(), T(np.array([-1.0, 0.0, 3.0, 5.9, 6.0, 6.5, 7.0], np.float32)))
    acts = [("ReLU", lambda: nn.ReLU()), ("ReLU6", lambda: nn.ReLU6()), ("LeakyReLU", lambda: nn.LeakyReLU()),
            ("LeakyReLU_0.1", lambda: nn.LeakyReLU(alpha=0.1)), ("GELU", lambda: nn.GELU()),
            ("GELU_tanh", lambda: nn.GELU(approximate=True)), ("GELU_exact", lambda: nn.GELU(approximate=False)),
            ("SiLU", lambda: nn.SiLU()), ("Sigmoid", lambda: nn.Sigmoid()), ("Tanh", lambda: nn.Tanh()),
            ("Softmax", lambda: nn.Softmax()), ("Softmax_axis0", lambda: nn.Softmax(axis=0)),
            ("LogSoftmax", lambda: nn.LogSoftmax()), ("LogSoftmax_axis0", lambda: nn.LogSoftmax(axis=0)),
            ("ELU", lambda: nn.ELU()), ("ELU_0.5", lambda: nn.ELU(alpha=0.5)), ("Softplus_absent", lambda: nn.Softplus()),
            ("Softsign", lambda: nn.Softsign()), ("HSwish", lambda: nn.HSwish()), ("HSigmoid", lambda: nn.HSigmoid()),
            ("LogSigmoid", lambda: nn.LogSigmoid()), ("Mish", lambda: nn.Mish())]
    w_act = rnd(50, 2, 4)
    for aname, mk in acts:
        def act_case(mk=mk):
            cell = mk()
            out = cell(T(act_x))
            g = ms.grad(lambda x: (cell(x) * T(w_act)).sum())(T(act_x))
            return {"out": out, "grad": g, "repr": repr(cell)}
        yield "act." + aname, act_case

    act_names = ["relu", "relu6", "leakyrelu", "gelu", "fast_gelu", "silu", "sigmoid", "tanh", "softmax",
                 "logsoftmax", "elu", "softplus", "softsign", "hswish", "hsigmoid", "prelu", "logsigmoid", "mish"]
    for an in act_names:
        yield "get_activation." + an, (lambda an=an: repr(nn.get_activation(an)))
    yield "get_activation.unknown", lambda: nn.get_activation("foo")
    yield "get_activation.none", lambda: nn.get_activation(None)
    yield "get_activation.uppercase", lambda: repr(nn.get_activation("ReLU"))

    # ------------------------------------------------------------------ losses
    L = np.array([[0.3, -1.2, 2.0], [0.5, 0.1, -0.7]], np.float32)
    Ybin = np.array([[1, 0, 1], [0, 1, 0]], np.float32)
    Lce = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [-1.0, 0.2, 0.4], [0.0, 0.0, 3.0]], np.float32)
    Yce = np.array([0, 1, 2, 1], np.int32)
    Pce = np.array([[0.7, 0.2, 0.1], [0.0, 1.0, 0.0], [0.3, 0.3, 0.4], [0.5, 0.25, 0.25]], np.float32)
    Rx = rnd(60, 3, 4)
    Ry = rnd(61, 3, 4)

    def loss_case(make, logits, target, extra_ok=True):
        def thunk():
            fn = make()
            lt = T(logits)
            tt = T(target)
            val = fn(lt, tt)
            if len(val.shape) == 0:
                g = ms.grad(lambda a: fn(a, tt))(lt)
            else:
                g = ms.grad(lambda a: fn(a, tt).sum())(lt)
            return {"value": val, "grad": g}
        return thunk

    for red in ("mean", "sum", "none"):
        yield "loss.bce_logits." + red, loss_case(lambda red=red: nn.BCEWithLogitsLoss(reduction=red), L, Ybin)
        yield "loss.bce." + red, loss_case(lambda red=red: nn.BCELoss(reduction=red), 1 / (1 + np.exp(-L)), Ybin)
        yield "loss.ce_class." + red, loss_case(lambda red=red: nn.CrossEntropyLoss(reduction=red), Lce, Yce)
        yield "loss.ce_prob." + red, loss_case(lambda red=red: nn.CrossEntropyLoss(reduction=red), Lce, Pce)
        yield "loss.ce_weight." + red, loss_case(
            lambda red=red: nn.CrossEntropyLoss(weight=T(np.array([1.0, 2.0, 3.0], np.float32)), reduction=red),
            Lce, Yce)
        yield "loss.ce_prob_weight." + red, loss_case(
            lambda red=red: nn.CrossEntropyLoss(weight=T(np.array([1.0, 2.0, 3.0], np.float32)), reduction=red),
            Lce, Pce)
        yield "loss.ce_ignore." + red, loss_case(lambda red=red: nn.CrossEntropyLoss(ignore_index=1, reduction=red),
                                                 Lce, Yce)
        yield "loss.ce_smooth." + red, loss_case(
            lambda red=red: nn.CrossEntropyLoss(label_smoothing=0.1, reduction=red), Lce, Yce)
        yield "loss.ce_smooth_weight." + red, loss_case(
            lambda red=red: nn.CrossEntropyLoss(weight=T(np.array([1.0, 2.0, 3.0], np.float32)),
                                                label_smoothing=0.2, reduction=red), Lce, Yce)
        yield "loss.nll." + red, loss_case(lambda red=red: nn.NLLLoss(reduction=red),
                                           Lce - np.log(np.exp(Lce).sum(1, keepdims=True)), Yce)
        yield "loss.nll_weight_ignore." + red, loss_case(
            lambda red=red: nn.NLLLoss(weight=T(np.array([1.0, 2.0, 3.0], np.float32)), ignore_index=2,
                                       reduction=red), Lce, Yce)
        yield "loss.mse." + red, loss_case(lambda red=red: nn.MSELoss(reduction=red), Rx, Ry)
        yield "loss.l1." + red, loss_case(lambda red=red: nn.L1Loss(reduction=red), Rx, Ry)
        yield "loss.smoothl1." + red, loss_case(lambda red=red: nn.SmoothL1Loss(reduction=red), Rx, Ry)
        yield "loss.smoothl1_beta0.5." + red, loss_case(lambda red=red: nn.SmoothL1Loss(beta=0.5, reduction=red),
                                                         Rx, Ry)
        yield "loss.huber." + red, loss_case(lambda red=red: nn.HuberLoss(reduction=red), Rx, Ry)
        yield "loss.huber_delta0.5." + red, loss_case(lambda red=red: nn.HuberLoss(reduction=red, delta=0.5),
                                                       Rx, Ry)
        yield "loss.sce_sparse." + red, loss_case(
            lambda red=red: nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction=red), Lce, Yce)
        yield "loss.sce_dense." + red, loss_case(
            lambda red=red: nn.SoftmaxCrossEntropyWithLogits(sparse=False, reduction=red), Lce, Pce)
    yield "loss.sce_default", loss_case(lambda: nn.SoftmaxCrossEntropyWithLogits(), Lce, Pce)
    yield "loss.sce_sparse_default", loss_case(lambda: nn.SoftmaxCrossEntropyWithLogits(sparse=True), Lce, Yce)
    yield "loss.bce_logits_weight_posweight", loss_case(
        lambda: nn.BCEWithLogitsLoss(weight=T(np.array([1.0, 2.0, 3.0], np.float32)),
                                     pos_weight=T(np.array([2.0, 1.0, 0.5], np.float32))), L, Ybin)
    # NB: a broadcasting (1, 3) weight makes MindSpore 2.10's BCELoss read garbage memory; use the full shape.
    yield "loss.bce_weight", loss_case(
        lambda: nn.BCELoss(weight=T(np.array([[1.0, 2.0, 3.0], [0.5, 1.0, 2.0]], np.float32))),
        1 / (1 + np.exp(-L)), Ybin)
    yield "loss.bce_weight_sum", loss_case(
        lambda: nn.BCELoss(weight=T(np.array([[1.0, 2.0, 3.0], [0.5, 1.0, 2.0]], np.float32)), reduction="sum"),
        1 / (1 + np.exp(-L)), Ybin)
    yield "loss.mse_broadcast", loss_case(lambda: nn.MSELoss(), Rx, Ry[:1])
    yield "loss.ce_1d_logits", loss_case(lambda: nn.CrossEntropyLoss(), Lce[0], np.array(2, np.int32))
    yield "loss.ce_int64_target_error", lambda: nn.CrossEntropyLoss()(T(Lce), T(Yce.astype(np.int64)))
    yield "loss.ce_float_class_target_shape_error", lambda: nn.CrossEntropyLoss()(T(Lce), T(Pce[:, :2]))
    yield "loss.ce_batch_mismatch_error", lambda: nn.CrossEntropyLoss()(T(Lce), T(Yce[:3]))
    yield "loss.bce_logits_int_target_error", lambda: nn.BCEWithLogitsLoss()(T(L), T(Ybin.astype(np.int32)))
    yield "loss.bce_logits_shape_error", lambda: nn.BCEWithLogitsLoss()(T(L), T(Ybin[:, :2]))
    yield "loss.mse_shape_error", lambda: nn.MSELoss()(T(Rx), T(rnd(1, 2, 4)))
    yield "loss.bad_reduction_error", lambda: nn.MSELoss(reduction="avg")
    yield "loss.nll_int64_error", lambda: nn.NLLLoss()(T(Lce), T(Yce.astype(np.int64)))

    # ------------------------------------------------------------------ bad input errors
    yield "error.dense_wrong_features", lambda: dense(5, 3, 20)(T(rnd(1, 4, 6)))
    yield "error.dense_numpy_input", lambda: dense(5, 3, 20)(x2)
    yield "error.relu_numpy_input", lambda: nn.ReLU()(x2)
    yield "error.dense_negative_in", lambda: nn.Dense(-1, 2)
    yield "error.dense_zero_out", lambda: nn.Dense(3, 0)
    yield "error.dense_float_in", lambda: nn.Dense(2.5, 2)
    yield "error.unknown_initializer", lambda: nn.Dense(3, 2, weight_init="foo")
    yield "error.unknown_initializer_fn", lambda: ms.common.initializer.initializer("foo", (2, 3), ms.float32)
    yield "error.unknown_activation", lambda: nn.Dense(3, 2, activation="foo")
    yield "error.cell_no_construct", lambda: nn.Cell()(T(x2))

    class NoSuper(nn.Cell):
        def __init__(self):
            self.fc = nn.Dense(2, 2)

    yield "error.no_super_init", lambda: NoSuper()
    yield "error.momentum_int", lambda: nn.Momentum([P(T(np.zeros(2, np.float32)), name="w")], 0.1, 1)
    yield "error.sgd_duplicate_names", lambda: nn.SGD([P(T(np.zeros(2, np.float32)), name="same"),
                                                        P(T(np.zeros(2, np.float32)), name="same")])
    yield "error.sequential_bad_index", lambda: nn.SequentialCell(nn.ReLU())[3]
    yield "error.celllist_non_cell", lambda: nn.CellList(["test"])

    # ------------------------------------------------------------------ initializers
    init = _Lazy(lambda: ms.common.initializer)
    shape = (200, 300)

    def stats(t):
        a = t.asnumpy().astype(np.float64)
        return {"dtype": str(t.dtype), "shape": tuple(t.shape), "min": float(a.min()), "max": float(a.max()),
                "mean": float(a.mean()), "std": float(a.std())}

    def init_tensor(x, shp=shape, dtype=None):
        t = init.initializer(x, shp, dtype if dtype is not None else ms.float32)
        if hasattr(t, "init_data") and getattr(t, "init", None) is not None:
            t = t.init_data()
        return t

    for alias in ("normal", "Normal", "uniform", "truncatednormal", "truncatedNormal", "xavier_uniform",
                  "xavieruniform", "xavier_normal", "xaviernormal", "he_uniform", "heuniform", "he_normal",
                  "henormal", "orthogonal", "variancescaling", "zeros", "ones", "zero", "one"):
        yield "init_stats.alias." + alias, (lambda alias=alias: stats(init_tensor(alias)))
    for cname, mk in [("Normal", lambda: init.Normal()), ("Normal_s0.5_m1", lambda: init.Normal(sigma=0.5, mean=1.0)),
                      ("Uniform", lambda: init.Uniform()), ("Uniform_2", lambda: init.Uniform(scale=2.0)),
                      ("TruncatedNormal", lambda: init.TruncatedNormal()),
                      ("TruncatedNormal_s1", lambda: init.TruncatedNormal(sigma=1.0)),
                      ("XavierUniform", lambda: init.XavierUniform()),
                      ("XavierUniform_g2", lambda: init.XavierUniform(gain=2)),
                      ("XavierNormal", lambda: init.XavierNormal()),
                      ("HeUniform", lambda: init.HeUniform()),
                      ("HeUniform_sqrt5", lambda: init.HeUniform(negative_slope=np.sqrt(5))),
                      ("HeNormal", lambda: init.HeNormal()),
                      ("HeNormal_fan_out", lambda: init.HeNormal(mode="fan_out")),
                      ("VarianceScaling", lambda: init.VarianceScaling()),
                      ("Orthogonal", lambda: init.Orthogonal())]:
        yield "init_stats.class." + cname, (lambda mk=mk: stats(init_tensor(mk())))

    yield "init.orthogonal_rows_orthonormal", lambda: (lambda w: (
        w.shape, bool(np.allclose(w @ w.T, np.eye(200), atol=1e-4))))(init_tensor("orthogonal").asnumpy())
    yield "init.zero", lambda: init_tensor(init.Zero(), (2, 3))
    yield "init.one", lambda: init_tensor(init.One(), (2, 3))
    yield "init.constant", lambda: init_tensor(init.Constant(0.25), (2, 3))
    yield "init.constant_number", lambda: init_tensor(1.5, (2, 2))
    yield "init.constant_int", lambda: init_tensor(init.Constant(3), (2, 2), ms.int32)
    yield "init.identity", lambda: init_tensor(init.Identity(), (3, 4))
    yield "init.identity_alias", lambda: init_tensor("identity", (4, 3))
    yield "init.zeros_float16", lambda: init_tensor("zeros", (2,), ms.float16)
    yield "init.ones_int32", lambda: init_tensor("ones", (3,), ms.int32)
    yield "init.tensor_passthrough", lambda: init_tensor(T(rnd(1, 2, 2)), (2, 2))
    yield "init.tensor_shape_mismatch", lambda: init_tensor(T(rnd(1, 2, 2)), (3, 2))
    yield "init.dense_string_init", lambda: (lambda d: (d.weight, d.bias))(
        nn.Dense(3, 2, weight_init="ones", bias_init="zeros"))

    # ------------------------------------------------------------------ optimizers
    Xo = rnd(70, 6, 4)
    Yo = np.array([0, 1, 1, 0, 1, 0], np.int32)
    Ym = rnd(71, 6, 2)

    class OptNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Dense(4, 3)
            self.act = nn.Tanh()
            self.fc2 = nn.Dense(3, 2)

        def construct(self, x):
            return self.fc2(self.act(self.fc1(x)))

    def opt_net():
        return set_weights(OptNet(), ms, 300, scale=0.5)

    def run_opt(make_opt, steps=5, loss="ce"):
        def thunk():
            net = opt_net()
            opt = make_opt(net)
            loss_fn = nn.CrossEntropyLoss() if loss == "ce" else nn.MSELoss()
            y = T(Yo) if loss == "ce" else T(Ym)

            def fwd(x, t):
                return loss_fn(net(x), t)
            gf = ms.value_and_grad(fwd, None, opt.parameters)
            losses = []
            ret = None
            for _ in range(steps):
                lv, g = gf(T(Xo), y)
                ret = opt(g)
                losses.append(float(lv.asnumpy()))
            final = float(loss_fn(net(T(Xo)), y).asnumpy())
            return {"losses": losses, "final_loss": final,
                    "params": [(p.name, p.asnumpy()) for p in net.trainable_params()],
                    "ret": ret, "opt_param_names": [n for n, _ in opt.parameters_and_names()],
                    "opt_param_pnames": [p.name for _, p in opt.parameters_and_names()]}
        return thunk

    def params_of(net):
        return net.trainable_params()

    opt_specs = [
        ("sgd.plain", lambda n: nn.SGD(params_of(n), learning_rate=0.1)),
        ("sgd.momentum", lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.9)),
        ("sgd.dampening", lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.9, dampening=0.3)),
        ("sgd.weight_decay", lambda n: nn.SGD(params_of(n), learning_rate=0.1, weight_decay=0.05)),
        ("sgd.momentum_weight_decay", lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.9,
                                                       weight_decay=0.05)),
        ("sgd.nesterov", lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.9, nesterov=True)),
        ("sgd.nesterov_wd", lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.9, nesterov=True,
                                             weight_decay=0.05)),
        ("sgd.all_damp_wd", lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.8, dampening=0.5,
                                             weight_decay=0.05)),
        ("sgd.loss_scale", lambda n: nn.SGD(params_of(n), learning_rate=0.1, loss_scale=2.0)),
        ("momentum.plain", lambda n: nn.Momentum(params_of(n), 0.1, 0.9)),
        ("momentum.nesterov", lambda n: nn.Momentum(params_of(n), 0.1, 0.9, use_nesterov=True)),
        ("momentum.weight_decay", lambda n: nn.Momentum(params_of(n), 0.1, 0.9, weight_decay=0.05)),
        ("adam.plain", lambda n: nn.Adam(params_of(n), learning_rate=0.05)),
        ("adam.default_lr", lambda n: nn.Adam(params_of(n))),
        ("adam.weight_decay", lambda n: nn.Adam(params_of(n), learning_rate=0.05, weight_decay=0.05)),
        ("adam.amsgrad", lambda n: nn.Adam(params_of(n), learning_rate=0.05, use_amsgrad=True)),
        ("adam.nesterov", lambda n: nn.Adam(params_of(n), learning_rate=0.05, use_nesterov=True)),
        ("adam.betas_eps", lambda n: nn.Adam(params_of(n), learning_rate=0.05, beta1=0.5, beta2=0.9, eps=1e-3)),
        ("adamweightdecay.plain", lambda n: nn.AdamWeightDecay(params_of(n), learning_rate=0.05)),
        ("adamweightdecay.wd", lambda n: nn.AdamWeightDecay(params_of(n), learning_rate=0.05, weight_decay=0.1)),
        ("rmsprop.plain", lambda n: nn.RMSProp(params_of(n), learning_rate=0.01)),
        ("rmsprop.centered", lambda n: nn.RMSProp(params_of(n), learning_rate=0.01, centered=True)),
        ("rmsprop.momentum", lambda n: nn.RMSProp(params_of(n), learning_rate=0.01, momentum=0.5)),
        ("rmsprop.centered_momentum_wd", lambda n: nn.RMSProp(params_of(n), learning_rate=0.01, momentum=0.5,
                                                              centered=True, weight_decay=0.05)),
        ("adagrad.plain", lambda n: nn.Adagrad(params_of(n), learning_rate=0.1)),
        ("adagrad.accum", lambda n: nn.Adagrad(params_of(n), accum=0.5, learning_rate=0.1, weight_decay=0.05)),
        ("group.lr_wd", lambda n: nn.SGD([
            {"params": [p for p in n.trainable_params() if "weight" in p.name], "weight_decay": 0.05, "lr": 0.2},
            {"params": [p for p in n.trainable_params() if "bias" in p.name]}], learning_rate=0.1, momentum=0.5)),
        ("group.adam_order", lambda n: nn.Adam([
            {"params": [p for p in n.trainable_params() if "fc2" in p.name], "lr": 0.01},
            {"params": [p for p in n.trainable_params() if "fc1" in p.name], "weight_decay": 0.1},
            {"order_params": n.trainable_params()}], learning_rate=0.05)),
        ("lr.list", lambda n: nn.SGD(params_of(n), learning_rate=[0.1, 0.05, 0.2, 0.01, 0.3])),
        ("lr.tensor_1d", lambda n: nn.SGD(params_of(n), learning_rate=T(np.array([0.1, 0.05, 0.2, 0.01, 0.3],
                                                                                 np.float32)))),
        ("lr.tensor_0d", lambda n: nn.SGD(params_of(n), learning_rate=T(np.float32(0.05)))),
        ("lr.exponential_decay", lambda n: nn.SGD(params_of(n), learning_rate=nn.ExponentialDecayLR(0.1, 0.5, 2))),
        ("lr.cosine_decay_adam", lambda n: nn.Adam(params_of(n), learning_rate=nn.CosineDecayLR(0.01, 0.1, 4))),
    ]
    for oname, mk in opt_specs:
        yield "opt." + oname, run_opt(mk)
    yield "opt.sgd.mse", run_opt(lambda n: nn.SGD(params_of(n), learning_rate=0.1, momentum=0.9), loss="mse")
    yield "opt.adam.mse", run_opt(lambda n: nn.Adam(params_of(n), learning_rate=0.05), loss="mse")

    def opt_state():
        net = opt_net()
        out = {}
        for key, opt in [("adam", nn.Adam(net.trainable_params())),
                         ("momentum", nn.Momentum(net.trainable_params(), 0.1, 0.9)),
                         ("sgd", nn.SGD(net.trainable_params())),
                         ("sgd_momentum", nn.SGD(net.trainable_params(), momentum=0.9)),
                         ("rmsprop", nn.RMSProp(net.trainable_params(), centered=True)),
                         ("adagrad", nn.Adagrad(net.trainable_params())),
                         ("adamweightdecay", nn.AdamWeightDecay(net.trainable_params()))]:
            out[key] = {"names": [(n, p.name, tuple(p.shape), str(p.dtype)) for n, p in opt.parameters_and_names()],
                        "parameters_type": type(opt.parameters).__name__,
                        "lr": opt.learning_rate, "lr_type": type(opt.learning_rate).__name__}
        return out
    yield "opt.state_names", opt_state

    def opt_state_values():
        net = opt_net()
        opt = nn.Adam(net.trainable_params(), learning_rate=0.05)
        gf = ms.value_and_grad(lambda x, t: nn.CrossEntropyLoss()(net(x), t), None, opt.parameters)
        for _ in range(2):
            _, g = gf(T(Xo), T(Yo))
            opt(g)
        return {"moment1": list(opt.moment1), "moment2": list(opt.moment2),
                "beta1_power": opt.beta1_power, "beta2_power": opt.beta2_power, "global_step": opt.global_step,
                "get_lr": opt.get_lr()}
    yield "opt.adam_state_values", opt_state_values

    def opt_get_lr_dynamic():
        net = opt_net()
        opt = nn.SGD(net.trainable_params(), learning_rate=[0.1, 0.05, 0.2])
        gf = ms.value_and_grad(lambda x, t: nn.CrossEntropyLoss()(net(x), t), None, opt.parameters)
        lrs = [opt.get_lr()]
        for _ in range(2):
            _, g = gf(T(Xo), T(Yo))
            opt(g)
            lrs.append(opt.get_lr())
        return {"lrs": lrs, "learning_rate_type": type(opt.learning_rate).__name__, "global_step": opt.global_step}
    yield "opt.get_lr_dynamic", opt_get_lr_dynamic
    yield "opt.sgd_nesterov_needs_momentum", lambda: nn.SGD([P(T(np.zeros(2, np.float32)), name="w")],
                                                             nesterov=True)
    yield "opt.sgd_nesterov_dampening_error", lambda: nn.SGD([P(T(np.zeros(2, np.float32)), name="w")],
                                                              momentum=0.9, dampening=0.1, nesterov=True)
    yield "opt.momentum_missing_arg", lambda: nn.Momentum([P(T(np.zeros(2, np.float32)), name="w")], 0.1)
    yield "opt.negative_lr", lambda: nn.SGD([P(T(np.zeros(2, np.float32)), name="w")], learning_rate=-0.1)
    yield "opt.empty_params", lambda: nn.SGD([])

    # ---- learning-rate schedule cells and functions
    def lr_cell(make):
        def thunk():
            c = make()
            return [c(T(np.array(i, np.int32))) for i in range(6)]
        return thunk
    for lname, mk in [("exponential", lambda: nn.ExponentialDecayLR(0.1, 0.9, 2)),
                      ("exponential_staircase", lambda: nn.ExponentialDecayLR(0.1, 0.9, 2, is_stair=True)),
                      ("natural_exp", lambda: nn.NaturalExpDecayLR(0.1, 0.9, 2)),
                      ("inverse", lambda: nn.InverseDecayLR(0.1, 0.5, 2)),
                      ("cosine", lambda: nn.CosineDecayLR(0.01, 0.1, 4)),
                      ("polynomial", lambda: nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5)),
                      ("polynomial_power1", lambda: nn.PolynomialDecayLR(0.1, 0.01, 4, 1.0)),
                      ("polynomial_update", lambda: nn.PolynomialDecayLR(0.1, 0.01, 2, 0.5, update_decay_steps=True)),
                      ("warmup", lambda: nn.WarmUpLR(0.1, 3))]:
        yield "lr_sched." + lname, lr_cell(mk)
    yield "lr_sched.exponential_repr", lambda: repr(nn.ExponentialDecayLR(0.1, 0.9, 2))
    yield "lr_fn.piecewise_constant", lambda: nn.piecewise_constant_lr([2, 5, 10], [0.1, 0.05, 0.01])
    yield "lr_fn.cosine_decay", lambda: nn.cosine_decay_lr(0.01, 0.1, 10, 2, 2)
    yield "lr_fn.exponential_decay", lambda: nn.exponential_decay_lr(0.1, 0.9, 6, 2, 2)
    yield "lr_fn.exponential_decay_stair", lambda: nn.exponential_decay_lr(0.1, 0.9, 6, 2, 2, is_stair=True)
    yield "lr_fn.natural_exp_decay", lambda: nn.natural_exp_decay_lr(0.1, 0.9, 6, 2, 2)
    yield "lr_fn.inverse_decay", lambda: nn.inverse_decay_lr(0.1, 0.5, 6, 2, 2)
    yield "lr_fn.polynomial_decay", lambda: nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5)
    yield "lr_fn.polynomial_decay_update", lambda: nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5, True)
    yield "lr_fn.warmup", lambda: nn.warmup_lr(0.1, 6, 2, 2)

    # ------------------------------------------------------------------ checkpoints
    class SampleNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(3, 2, weight_init=T(np.array([[1, 2, 3], [4, 5, 6]], np.float32)),
                               bias_init=T(np.array([0.5, -0.5], np.float32)))
            self.step = P(T(np.array(7, np.int32)), name="step", requires_grad=False)

        def construct(self, x):
            return self.fc(x)

    class MultiNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Dense(8, 4)
            self.fc2 = nn.Dense(4, 2)
            self.h = P(T(rnd(400, 3).astype(np.float16)), name="h")
            self.d = P(T(rnd(401, 2, 2).astype(np.float64)), name="d")
            self.i32 = P(T(np.array([1, -2, 3], np.int32)), name="i32", requires_grad=False)
            self.i64 = P(T(np.array([[2 ** 40, -5]], np.int64)), name="i64", requires_grad=False)
            self.flag = P(T(np.array([True, False, True])), name="flag", requires_grad=False)
            self.u8 = P(T(np.array([0, 7, 255], np.uint8)), name="u8", requires_grad=False)

    def multi_net():
        net = MultiNet()
        for i, p in enumerate([net.fc1.weight, net.fc1.bias, net.fc2.weight, net.fc2.bias]):
            p.set_data(T(rnd(410 + i, *tuple(p.shape))))
        return net

    def ckpt_path(name):
        return os.path.join(CKPT_DIR, name)

    def with_tmp(fn):
        d = tempfile.mkdtemp()
        try:
            return fn(d)
        finally:
            for root, dirs, files in os.walk(d):
                for f in files:
                    try:
                        os.chmod(os.path.join(root, f), 0o600)
                    except OSError:
                        pass
            shutil.rmtree(d, ignore_errors=True)

    def save_bytes(obj_fn, fname="x.ckpt", **kw):
        def thunk():
            def body(d):
                path = os.path.join(d, fname)
                ms.save_checkpoint(obj_fn(), path, **kw)
                files = sorted(os.listdir(d))
                real = path if os.path.exists(path) else path + ".ckpt"
                with open(real, "rb") as f:
                    data = f.read()
                return {"files": files, "hex": data.hex(), "size": len(data),
                        "mode_readonly": not (os.stat(real).st_mode & 0o222)}
            return with_tmp(body)
        return thunk

    yield "ckpt.save_sample_bytes", save_bytes(SampleNet, "sample.ckpt")
    yield "ckpt.save_sample_append_bytes", save_bytes(SampleNet, "sample_append.ckpt",
                                                      append_dict={"epoch_num": 3, "lr": 0.01, "tag": "hello"})
    yield "ckpt.save_sample_crc_bytes", save_bytes(SampleNet, "sample_crc.ckpt", crc_check=True)
    yield "ckpt.save_sample_safetensors_bytes", save_bytes(SampleNet, "sample.safetensors", format="safetensors")
    yield "ckpt.save_multi_bytes", save_bytes(multi_net, "multi.ckpt")
    yield "ckpt.save_no_extension", save_bytes(SampleNet, "noext")
    yield "ckpt.save_param_list", save_bytes(lambda: SampleNet().trainable_params(), "plist.ckpt")
    yield "ckpt.save_dict_list", save_bytes(
        lambda: [{"name": "a", "data": T(np.array([1.0, 2.0], np.float32))},
                 {"name": "b", "data": T(np.array(3, np.int64))}], "dlist.ckpt")

    def load_desc(fname, **kw):
        def thunk():
            d = ms.load_checkpoint(ckpt_path(fname), **kw)
            out = []
            for k, v in d.items():
                if isinstance(v, str):
                    out.append((k, "str", v))
                else:
                    pname = "Parameter#N" if v.name.startswith("Parameter#") else v.name
                    out.append((k, type(v).__name__, pname, str(v.dtype), tuple(v.shape), v.asnumpy(),
                                v.requires_grad))
            return {"type": type(d).__name__, "items": out}
        return thunk

    for fname in ("sample.ckpt", "sample_append.ckpt", "sample_crc.ckpt", "multi.ckpt"):
        yield "ckpt.load." + fname, load_desc(fname)
    yield "ckpt.load.sample_crc.ckpt.crc_check", load_desc("sample_crc.ckpt", crc_check=True)
    yield "ckpt.load.sample.ckpt.crc_check_missing", load_desc("sample.ckpt", crc_check=True)
    yield "ckpt.load.sample.safetensors", load_desc("sample.safetensors", format="safetensors")
    yield "ckpt.load.safetensors_wrong_format", load_desc("sample.safetensors")
    yield "ckpt.load.filter_prefix", load_desc("sample.ckpt", filter_prefix="fc")
    yield "ckpt.load.specify_prefix", load_desc("sample.ckpt", specify_prefix="fc")
    yield "ckpt.load.missing_file", load_desc("does_not_exist.ckpt")

    def load_into(fname, make_net, strict=False, mutate=None, **kw):
        def thunk():
            net = make_net()
            pd = ms.load_checkpoint(ckpt_path(fname), **kw)
            if mutate:
                pd = mutate(pd)
            res = ms.load_param_into_net(net, pd, strict_load=strict)
            return {"result": res, "params": [(n, p.name, p.asnumpy(), str(p.dtype))
                                              for n, p in net.parameters_and_names()]}
        return thunk

    class SampleNetNoStep(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(3, 2, weight_init="zeros", bias_init="zeros")

    class SampleNetExtra(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(3, 2, weight_init="zeros", bias_init="zeros")
            self.step = P(T(np.array(0, np.int32)), name="step", requires_grad=False)
            self.extra = P(T(np.ones(2, np.float32)), name="extra")

    class BareDense(nn.Cell):
        def __init__(self, dtype=None):
            super().__init__()
            kw = {} if dtype is None else {"dtype": dtype}
            self.fc = nn.Dense(3, 2, weight_init="zeros", bias_init="zeros", **kw)

    class ShapeMismatch(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(2, 2, weight_init="zeros", bias_init="zeros")

    def zero_dense():
        return nn.Dense(3, 2, weight_init="zeros", bias_init="zeros")

    yield "ckpt.into.exact", load_into("sample.ckpt", lambda: SampleNet())
    yield "ckpt.into.extra_key", load_into("sample.ckpt", SampleNetNoStep)
    yield "ckpt.into.missing_key", load_into("sample.ckpt", SampleNetExtra)
    yield "ckpt.into.prefix_strip", load_into("sample.ckpt", zero_dense)
    yield "ckpt.into.prefix_strip_strict", load_into("sample.ckpt", zero_dense, strict=True)
    yield "ckpt.into.add_prefix", load_into(
        "sample.ckpt", SampleNetNoStep,
        mutate=lambda pd: {"backbone." + k: v for k, v in pd.items()})
    yield "ckpt.into.dtype_cast", load_into("sample.ckpt", lambda: BareDense(ms.float16))
    yield "ckpt.into.dtype_strict_error", load_into("sample.ckpt", lambda: BareDense(ms.float16), strict=True)
    yield "ckpt.into.shape_mismatch", load_into("sample.ckpt", ShapeMismatch)
    yield "ckpt.into.net_kwarg", lambda: (lambda n: (
        sorted(ms.load_checkpoint(ckpt_path("sample.ckpt"), net=n).keys()), n.fc.weight.asnumpy()))(
        SampleNetNoStep())
    yield "ckpt.into.multi", load_into("multi.ckpt", MultiNet)

    def roundtrip():
        def body(d):
            net = multi_net()
            path = os.path.join(d, "rt.ckpt")
            ms.save_checkpoint(net, path)
            ms.save_checkpoint(net, path)  # overwrite read-only file
            net2 = MultiNet()
            r = ms.load_param_into_net(net2, ms.load_checkpoint(path))
            return {"result": r, "params": [(n, p) for n, p in net2.parameters_and_names()]}
        return with_tmp(body)
    yield "ckpt.roundtrip_multi", roundtrip

    # ------------------------------------------------------------------ dataset
    dsm = _Lazy(lambda: ms.dataset)

    def gen10():
        for i in range(10):
            yield (np.arange(6, dtype=np.float32).reshape(2, 3) + i, np.array(i, np.int64))

    def rows(ds, n=None, numpy=True):
        out = []
        for r in ds.create_tuple_iterator(output_numpy=numpy):
            out.append(list(r))
            if n is not None and len(out) >= n:
                break
        return out

    def row_sig(ds):
        return [[(type(c).__name__, str(c.dtype), tuple(c.shape)) for c in r] for r in rows(ds)]

    def rows_cols(d):
        return [list(r) for r in d.create_tuple_iterator(columns=["label"], output_numpy=True)][:3]

    def gen_ds():
        return dsm.GeneratorDataset(gen10, column_names=["data", "label"], shuffle=False)

    yield "ds.generator.columns", lambda: gen_ds().get_col_names()
    yield "ds.generator.size", lambda: gen_ds().get_dataset_size()
    yield "ds.generator.rows_numpy", lambda: rows(gen_ds())
    yield "ds.generator.rows_tensor", lambda: rows(gen_ds(), n=2, numpy=False)
    yield "ds.generator.tensor_sig", lambda: [[(type(c).__name__, str(c.dtype), tuple(c.shape)) for c in r]
                                              for r in rows(gen_ds(), n=2, numpy=False)]
    yield "ds.generator.batch4", lambda: (lambda d: (d.get_dataset_size(), row_sig(d), rows(d)[-1]))(
        gen_ds().batch(4))
    yield "ds.generator.batch4_drop", lambda: (lambda d: (d.get_dataset_size(), row_sig(d)))(
        gen_ds().batch(4, drop_remainder=True))
    yield "ds.generator.batch_size_attr", lambda: gen_ds().batch(4).get_batch_size()

    def gen_py():
        for i in range(4):
            yield (i, float(i) / 2, [i, i + 1])
    yield "ds.generator.python_types", lambda: row_sig(dsm.GeneratorDataset(gen_py, ["a", "b", "c"], shuffle=False))

    class RandomAccess:
        def __init__(self):
            self.x = rnd(500, 7, 3)
            self.y = np.arange(7).astype(np.int32) % 3

        def __getitem__(self, i):
            return self.x[i], self.y[i]

        def __len__(self):
            return 7
    yield "ds.generator.random_access", lambda: (lambda d: (d.get_dataset_size(), rows(d)))(
        dsm.GeneratorDataset(RandomAccess(), column_names=["x", "y"], shuffle=False))

    NX = rnd(501, 10, 3)
    NY = np.arange(10, dtype=np.int64) % 4

    def slices():
        return dsm.NumpySlicesDataset({"data": NX, "label": NY}, shuffle=False)
    yield "ds.slices.columns", lambda: slices().get_col_names()
    yield "ds.slices.rows", lambda: rows(slices())
    yield "ds.slices.tuple_input", lambda: (lambda d: (d.get_col_names(), row_sig(d)))(
        dsm.NumpySlicesDataset((NX, NY), shuffle=False))
    yield "ds.slices.list_input", lambda: (lambda d: (d.get_col_names(), row_sig(d), rows(d)))(
        dsm.NumpySlicesDataset([1, 2, 3], shuffle=False))
    yield "ds.slices.column_names", lambda: dsm.NumpySlicesDataset((NX, NY), column_names=["a", "b"],
                                                                   shuffle=False).get_col_names()
    yield "ds.slices.batch", lambda: (lambda d: (d.get_dataset_size(), row_sig(d)))(slices().batch(4))
    yield "ds.map.pyfunc", lambda: rows(slices().map(lambda x: x * 2 + 1, input_columns=["data"]))
    yield "ds.map.pyfunc_positional", lambda: rows(slices().map(lambda x: x * 2, "data"))
    yield "ds.map.label_fn", lambda: row_sig(slices().map(lambda y: y + 1, input_columns="label"))
    yield "ds.map.typecast", lambda: row_sig(slices().map(dsm.transforms.TypeCast(ms.int32), "label"))
    yield "ds.map.typecast_values", lambda: rows(slices().map(dsm.transforms.TypeCast(ms.int32), "label"), n=3)
    yield "ds.map.onehot", lambda: rows(slices().map(dsm.transforms.OneHot(4), "label"), n=4)
    yield "ds.map.list_of_ops", lambda: rows(slices().map([lambda x: x + 1, lambda x: x * 3], "data"), n=2)

    IMG = (np.random.default_rng(502).integers(0, 256, (6, 4, 5, 1))).astype(np.uint8)
    IMG3 = (np.random.default_rng(503).integers(0, 256, (6, 4, 5, 3))).astype(np.uint8)
    ILAB = np.arange(6, dtype=np.int64)

    def img_ds(img=IMG):
        return dsm.NumpySlicesDataset({"image": img, "label": ILAB}, shuffle=False)
    vis = _Lazy(lambda: ms.dataset.vision)
    yield "ds.vision.rescale", lambda: rows(img_ds().map(vis.Rescale(1.0 / 255.0, 0), "image"), n=2)
    yield "ds.vision.normalize", lambda: rows(img_ds().map(
        [vis.Rescale(1.0 / 255.0, 0), vis.Normalize(mean=(0.1307,), std=(0.3081,))], "image"), n=2)
    yield "ds.vision.normalize_uint8", lambda: rows(img_ds(IMG3).map(
        vis.Normalize(mean=(121.0, 115.0, 100.0), std=(70.0, 68.0, 71.0)), "image"), n=1)
    yield "ds.vision.hwc2chw", lambda: row_sig(img_ds().map(
        [vis.Rescale(1.0 / 255.0, 0), vis.Normalize(mean=(0.1307,), std=(0.3081,)), vis.HWC2CHW()], "image"))
    yield "ds.vision.hwc2chw_values", lambda: rows(img_ds(IMG3).map(vis.HWC2CHW(), "image"), n=1)
    yield "ds.vision.tutorial_pipeline", lambda: (lambda d: (d.get_dataset_size(), row_sig(d), rows(d, n=1)))(
        img_ds().map([vis.Rescale(1.0 / 255.0, 0), vis.Normalize(mean=(0.1307,), std=(0.3081,)), vis.HWC2CHW()],
                     "image").map(dsm.transforms.TypeCast(ms.int32), "label").batch(4))
    yield "ds.repeat", lambda: (lambda d: (d.get_dataset_size(), [int(r[1]) for r in rows(d)]))(slices().repeat(2))
    yield "ds.take", lambda: (lambda d: (d.get_dataset_size(), [int(r[1]) for r in rows(d)]))(slices().take(3))
    yield "ds.skip", lambda: (lambda d: (d.get_dataset_size(), [int(r[1]) for r in rows(d)]))(slices().skip(7))
    yield "ds.batch_repeat", lambda: (lambda d: (d.get_dataset_size(), [r[1].shape for r in rows(d)]))(
        slices().batch(4).repeat(2))
    yield "ds.project", lambda: (lambda d: (d.get_col_names(), row_sig(d)[:1]))(slices().project(["label"]))
    yield "ds.project_reorder", lambda: (lambda d: d.get_col_names())(slices().project(["label", "data"]))
    yield "ds.rename", lambda: (lambda d: (d.get_col_names(), rows(d, n=1)))(
        slices().rename(input_columns=["data"], output_columns=["x"]))
    yield "ds.dict_iterator", lambda: [
        [(k, type(v).__name__, str(v.dtype), tuple(v.shape)) for k, v in r.items()]
        for r in list(slices().batch(4).create_dict_iterator())]
    yield "ds.dict_iterator_numpy", lambda: [
        {k: v for k, v in r.items()} for r in list(slices().batch(5).create_dict_iterator(output_numpy=True))]
    yield "ds.tuple_iterator_types", lambda: [
        (type(r).__name__, [type(c).__name__ for c in r]) for r in slices().create_tuple_iterator(output_numpy=True)][:2]
    yield "ds.tuple_iterator_tensor_types", lambda: [
        (type(r).__name__, [(type(c).__name__, str(c.dtype)) for c in r])
        for r in slices().create_tuple_iterator()][:2]
    yield "ds.tuple_iterator_columns", lambda: rows_cols(slices())
    yield "ds.iter_twice", lambda: (lambda d: (len(list(d.create_tuple_iterator())),
                                               len(list(d.create_tuple_iterator()))))(slices().batch(3))

    def mnist():
        def body(d):
            make_small_mnist(d)
            md = dsm.MnistDataset(d, usage="test", num_samples=10, shuffle=False)
            r = rows(md)
            return {"columns": md.get_col_names(), "size": md.get_dataset_size(),
                    "sig": [(type(c).__name__, str(c.dtype), tuple(c.shape)) for c in r[0]],
                    "labels": [int(x[1]) for x in r], "image0_sum": int(r[0][0].astype(np.int64).sum()),
                    "tensor_sig": [(type(c).__name__, str(c.dtype), tuple(c.shape))
                                   for c in next(iter(md.create_tuple_iterator()))],
                    "full_size": dsm.MnistDataset(d, usage="test", shuffle=False).get_dataset_size()}
        return with_tmp(body)
    yield "ds.mnist.small", mnist

    def mnist_pipeline():
        def body(d):
            make_small_mnist(d)
            md = dsm.MnistDataset(d, usage="test", shuffle=False)
            md = md.map([vis.Rescale(1.0 / 255.0, 0), vis.Normalize(mean=(0.1307,), std=(0.3081,)),
                         vis.HWC2CHW()], "image")
            md = md.map(dsm.transforms.TypeCast(ms.int32), "label").batch(8)
            out = []
            for img, lab in md.create_tuple_iterator():
                out.append((str(img.dtype), tuple(img.shape), str(lab.dtype), lab.asnumpy().tolist(),
                            float(img.asnumpy().astype(np.float64).sum())))
            return {"size": md.get_dataset_size(), "batches": out}
        return with_tmp(body)
    yield "ds.mnist.pipeline", mnist_pipeline

    # ------------------------------------------------------------------ train.Model
    MX = rnd(600, 8, 4)
    MY = np.array([0, 1, 2, 1, 0, 2, 1, 0], np.int32)

    class ModelNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(4, 3)

        def construct(self, x):
            return self.fc(x)

    def model_net():
        return set_weights(ModelNet(), ms, 610, scale=0.5)

    def mds(bs=4):
        return dsm.NumpySlicesDataset({"data": MX, "label": MY}, shuffle=False).batch(bs)

    def split_loss_lines(text):
        out = []
        for line in text.splitlines():
            m = LOSS_RE.match(line)
            out.append((m.group(1), float(m.group(2))) if m else line)
        return out

    def model_train():
        net = model_net()
        model = ms.train.Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1),
                               metrics={"accuracy"})
        _, text = capture(lambda: model.train(2, mds(), callbacks=[ms.train.LossMonitor()]))
        return {"lines": split_loss_lines(text), "weight": net.fc.weight, "bias": net.fc.bias,
                "eval": model.eval(mds())}
    yield "model.train_lossmonitor", model_train

    def model_train_per_print():
        net = model_net()
        model = ms.train.Model(net, nn.CrossEntropyLoss(), nn.Momentum(net.trainable_params(), 0.1, 0.9))
        _, text = capture(lambda: model.train(2, mds(2), callbacks=[ms.train.LossMonitor(per_print_times=3)]))
        return {"lines": split_loss_lines(text), "weight": net.fc.weight}
    yield "model.train_lossmonitor_per3", model_train_per_print

    def model_eval(metrics):
        def thunk():
            net = model_net()
            model = ms.train.Model(net, nn.CrossEntropyLoss(), metrics=metrics())
            return model.eval(mds())
        return thunk
    yield "model.eval_accuracy_set", model_eval(lambda: {"accuracy"})
    yield "model.eval_acc_dict", model_eval(lambda: {"acc": ms.train.Accuracy()})
    yield "model.eval_multi", model_eval(lambda: {"acc": ms.train.Accuracy(), "loss": ms.train.Loss()})
    yield "model.eval_loss_str", model_eval(lambda: {"loss"})
    yield "model.predict", lambda: ms.train.Model(model_net()).predict(T(MX))
    yield "model.is_train_model", lambda: ms.Model is ms.train.Model

    ML = rnd(620, 6, 4)
    MLY = np.array([0, 1, 3, 3, 2, 1], np.int32)

    def metric(make, *args, **eval_kw):
        def thunk():
            m = make()
            m.clear()
            m.update(*[T(a) if isinstance(a, np.ndarray) else a for a in args])
            return m.eval(**eval_kw)
        return thunk
    mt = _Lazy(lambda: ms.train)
    yield "metric.accuracy", metric(lambda: mt.Accuracy(), ML, MLY)
    yield "metric.accuracy_onehot", metric(lambda: mt.Accuracy(), ML, np.eye(4, dtype=np.float32)[MLY])
    yield "metric.precision", metric(lambda: mt.Precision(), ML, MLY)
    yield "metric.precision_average", metric(lambda: mt.Precision(), ML, MLY, average=True)
    yield "metric.recall_average", metric(lambda: mt.Recall(), ML, MLY, average=True)
    yield "metric.recall", metric(lambda: mt.Recall(), ML, MLY)
    yield "metric.f1", metric(lambda: mt.F1(), ML, MLY)
    yield "metric.top2", metric(lambda: mt.TopKCategoricalAccuracy(2), ML, MLY)
    yield "metric.top1", metric(lambda: mt.Top1CategoricalAccuracy(), ML, MLY)
    yield "metric.loss", metric(lambda: mt.Loss(), np.array(0.75, np.float32))
    yield "metric.mae", metric(lambda: mt.MAE(), Rx, Ry)
    yield "metric.mse", metric(lambda: mt.MSE(), Rx, Ry)

    def metric_multi_update():
        m = mt.Accuracy()
        m.clear()
        m.update(T(ML[:3]), T(MLY[:3]))
        m.update(T(ML[3:]), T(MLY[3:]))
        l = mt.Loss()
        l.clear()
        l.update(T(np.float32(1.0)))
        l.update(T(np.float32(2.0)))
        return m.eval(), l.eval()
    yield "metric.multi_update", metric_multi_update
    yield "metric.accuracy_empty_error", lambda: (lambda m: (m.clear(), m.eval()))(mt.Accuracy())
    yield "metric.names", lambda: sorted(mt.names()) if hasattr(mt, "names") else None


# ----------------------------------------------------------------------------------------
# Tolerances and the formula checks used for the random initializers.

def tolerance(name):
    """(rtol, atol) for a case: optimizer / training trajectories get rtol 1e-4.

    act.* also gets rtol 1e-4: MindSpore's CPU kernels for exp/log/tanh-based activations
    (LogSoftmax, Mish, ...) are only accurate to a few float32 ulps x 10 (e.g. LogSoftmax
    gives -0.0380448 where the exact value is -0.0380414; Tanh is off by up to 4e-6 and its
    gradient by 9e-6 on [-3, 3.5]), hence also atol 1e-5 there."""
    if name.startswith("act."):
        return 1e-4, 1e-5
    if name.startswith(("opt.", "model.", "tutorial.has_aux")):
        return 1e-4, 1e-6
    return 1e-5, 1e-6


_S6 = float(np.sqrt(6.0))
# name -> (expected mean, expected std, absolute bound or None); shape (200, 300): fan_in 300, fan_out 200
INIT_SPEC = {
    "normal": (0.0, 0.01, None), "Normal": (0.0, 0.01, None),
    "uniform": (0.0, 0.07 / np.sqrt(3), 0.07),
    "truncatednormal": (0.0, 0.01, 2.0), "truncatedNormal": (0.0, 0.01, 2.0),
    "xavier_uniform": (0.0, np.sqrt(6 / 500) / np.sqrt(3), np.sqrt(6 / 500)),
    "xavieruniform": (0.0, np.sqrt(6 / 500) / np.sqrt(3), np.sqrt(6 / 500)),
    "xavier_normal": (0.0, np.sqrt(2 / 500), None), "xaviernormal": (0.0, np.sqrt(2 / 500), None),
    "he_uniform": (0.0, np.sqrt(6 / 300) / np.sqrt(3), np.sqrt(6 / 300)),
    "heuniform": (0.0, np.sqrt(6 / 300) / np.sqrt(3), np.sqrt(6 / 300)),
    "he_normal": (0.0, np.sqrt(2 / 300), None), "henormal": (0.0, np.sqrt(2 / 300), None),
    "orthogonal": (0.0, np.sqrt(1 / 300), 1.0),
    "variancescaling": (0.0, 0.1 / np.sqrt(3), 0.1),
    "zeros": (0.0, 0.0, 0.0), "zero": (0.0, 0.0, 0.0), "ones": (1.0, 0.0, None), "one": (1.0, 0.0, None),
    "Uniform": (0.0, 0.07 / np.sqrt(3), 0.07), "Uniform_2": (0.0, 2 / np.sqrt(3), 2.0),
    "Normal_s0.5_m1": (1.0, 0.5, None),
    "TruncatedNormal": (0.0, 0.01, 2.0), "TruncatedNormal_s1": (0.0, 0.8796, 2.0),
    "XavierUniform": (0.0, np.sqrt(6 / 500) / np.sqrt(3), np.sqrt(6 / 500)),
    "XavierUniform_g2": (0.0, 2 * np.sqrt(6 / 500) / np.sqrt(3), 2 * np.sqrt(6 / 500)),
    "XavierNormal": (0.0, np.sqrt(2 / 500), None),
    "HeUniform": (0.0, np.sqrt(6 / 300) / np.sqrt(3), np.sqrt(6 / 300)),
    "HeUniform_sqrt5": (0.0, np.sqrt(6 / 6 / 300) / np.sqrt(3), np.sqrt(1 / 300)),
    "HeNormal": (0.0, np.sqrt(2 / 300), None), "HeNormal_fan_out": (0.0, np.sqrt(2 / 200), None),
    "VarianceScaling": (0.0, 0.1 / np.sqrt(3), 0.1), "Orthogonal": (0.0, np.sqrt(1 / 300), 1.0),
}


def check_init_stats(name, expected, actual):
    """Compare an init_stats.* case by formula. Returns a list of problems."""
    key = name.split(".", 2)[2]
    problems = []
    if not isinstance(actual, dict) or "dict" not in actual:
        return ["%s: expected a stats dict, got %r" % (name, str(actual)[:300])]
    e = {k["dict"] if isinstance(k, dict) else k: v for k, v in expected["dict"]}
    a = {k: v for k, v in actual["dict"]}
    if e.get("dtype") != a.get("dtype") or e.get("shape") != a.get("shape"):
        problems.append("%s: dtype/shape %r %r != %r %r" % (name, e.get("dtype"), e.get("shape"),
                                                          a.get("dtype"), a.get("shape")))
        return problems
    mean, std, bound = INIT_SPEC[key]
    am, astd = a["mean"]["float"], a["std"]["float"]
    amin, amax = a["min"]["float"], a["max"]["float"]
    ref_std = std if std is not None else e["std"]["float"]
    if abs(am - mean) > 0.02 * max(ref_std, 1e-3) + 1e-7 and abs(am - mean) > 5 * ref_std / np.sqrt(60000) + 1e-7:
        problems.append("%s: mean %g, expected %g" % (name, am, mean))
    if abs(astd - ref_std) > 0.05 * ref_std + 1e-7:
        problems.append("%s: std %g, expected %g" % (name, astd, ref_std))
    if bound is not None:
        if amax > bound * (1 + 1e-6) + 1e-7 or amin < -bound * (1 + 1e-6) - 1e-7 and mean == 0.0:
            problems.append("%s: range [%g, %g] exceeds bound %g" % (name, amin, amax, bound))
        if std is not None and std > 0 and bound < 1.0 and mean == 0.0:
            # uniform draws should come close to their bounds
            if amax < 0.95 * bound or amin > -0.95 * bound:
                problems.append("%s: range [%g, %g] too narrow for bound %g" % (name, amin, amax, bound))
    return problems

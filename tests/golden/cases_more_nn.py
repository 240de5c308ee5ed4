"""Reference ("golden") cases for more of MindSpore 2.10's ``nn`` names: the activations ``nn.CELU``, ``nn.GLU``,
``nn.HShrink``, ``nn.SoftShrink``, ``nn.Softmax2d``, ``nn.Softmin``, ``nn.Threshold``, ``nn.SeLU`` and the losses
``nn.MarginRankingLoss``, ``nn.HingeEmbeddingLoss``, ``nn.CosineEmbeddingLoss``, ``nn.MultiLabelSoftMarginLoss``,
``nn.PoissonNLLLoss``, ``nn.GaussianNLLLoss``, ``nn.RMSELoss``, ``nn.MAELoss``, ``nn.KLDivLoss``,
``nn.MultiMarginLoss``: forward values, gradients with respect
to the inputs, reprs and the error class of bad arguments.

Laid out as tests/golden/cases_transformer.py: ``cases(ms)`` builds ``(name, thunk)`` pairs on the framework module
``ms`` from seeded NumPy arrays; ``gen_more_nn.py`` records them with MindSpore into ``more_nn.json``;
``tests/test_golden_more_nn.py`` checks minispore against the recording.
"""
import numpy as np

DELIBERATE = {
    "err/softshrink_negative": "MindSpore's kernel raises RuntimeError at the call; minispore a ValueError naming "
                               "'lambd' at construction",
    "act/selu": "MindSpore 2.10's SeLU gradient is wrong for negative inputs (-0.66 at x = -2.6, for an increasing "
                "function); minispore gives scale * alpha * exp(x), checked against NumPy in "
                "tests/test_golden_more_nn.py",
}
NOTES = {}
UNSTABLE = {}
INSTEAD = {}


def tolerance(name):
    return 1e-4, 1e-5


def f32(seed, shape, scale=1.0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def cases(ms):
    """Return the list of ``(name, thunk)`` pairs, built on the framework module ``ms``."""
    nn = ms.nn
    Tensor = ms.Tensor
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        out.append((name, thunk))

    def X(seed, shape, scale=1.0):
        return Tensor(f32(seed, shape, scale))

    def value_and_grads(make, inputs, n_grad=None):
        """The cell's output on ``inputs()`` and the gradients of sum(output * w) with respect to the first
        ``n_grad`` inputs (all by default)."""
        def thunk():
            cell = make()
            args = inputs()
            y = cell(*args)
            w = X(99, y.shape) if y.shape else Tensor(np.float32(1.5))
            k = len(args) if n_grad is None else n_grad
            grads = ms.grad(lambda *a: (cell(*a) * w).sum(), tuple(range(k)))(*args)
            return y, grads
        return thunk

    def forward(make, inputs):
        return lambda: make()(*inputs())

    # ---------------------------------------------------------------------------------------------- activations
    x24 = lambda: (X(1, (2, 3, 4), 2.0),)  # noqa: E731
    acts = {
        "celu": lambda: nn.CELU(),
        "celu_alpha": lambda: nn.CELU(alpha=0.5),
        "glu": lambda: nn.GLU(),
        "glu_axis1": lambda: nn.GLU(axis=0),
        "hshrink": lambda: nn.HShrink(),
        "hshrink_lambd": lambda: nn.HShrink(lambd=1.2),
        "softshrink": lambda: nn.SoftShrink(),
        "softshrink_lambd": lambda: nn.SoftShrink(lambd=1.0),
        "softmax2d": lambda: nn.Softmax2d(),
        "softmin": lambda: nn.Softmin(),
        "softmin_axis": lambda: nn.Softmin(axis=1),
        "threshold": lambda: nn.Threshold(0.1, 20),
        "threshold_float": lambda: nn.Threshold(-0.5, 0.25),
        "selu": lambda: nn.SeLU(),
    }
    for name, make in acts.items():
        inputs = (lambda: (X(2, (2, 4), 2.0),)) if name == "glu_axis1" else x24
        add(f"act/{name}", value_and_grads(make, inputs))
        add(f"repr/{name}", lambda make=make: repr(make()))
    add("act/softmax2d_4d", value_and_grads(lambda: nn.Softmax2d(), lambda: (X(3, (2, 3, 2, 2)),)))
    add("act/threshold_int", forward(lambda: nn.Threshold(1, 7),
                                     lambda: (Tensor(np.array([[0, 1, 2], [3, -1, 5]], np.int32)),)))
    add("act/softmin_float64", forward(lambda: nn.Softmin(), lambda: (Tensor(f32(4, (3, 3)).astype(np.float64)),)))

    add("err/softmax2d_2d", lambda: nn.Softmax2d()(X(1, (3, 4))), ["Softmax2d", "dims"])
    add("act/hshrink_int_lambd", forward(lambda: nn.HShrink(lambd=1), x24))
    add("err/hshrink_str_lambd", lambda: nn.HShrink(lambd="a")(X(1, (3, 4))))
    add("err/softshrink_negative", lambda: nn.SoftShrink(lambd=-1.0)(X(1, (3, 4))), ["lambd"])
    add("err/glu_odd", lambda: nn.GLU()(X(1, (2, 3))))
    add("err/celu_alpha_zero", lambda: nn.CELU(alpha=0.0)(X(1, (3, 4))), ["alpha"])
    add("err/celu_int_alpha", lambda: nn.CELU(alpha=1)(X(1, (3, 4))), ["alpha"])
    add("err/threshold_str", lambda: nn.Threshold("a", 1.0)(X(1, (3, 4))))

    # ---------------------------------------------------------------------------------------------- losses
    def sign(seed, shape):
        return Tensor(np.where(np.random.default_rng(seed).random(shape) > 0.5, 1.0, -1.0).astype(np.float32))

    for red in ("mean", "sum", "none"):
        add(f"loss/margin_ranking_{red}", value_and_grads(lambda red=red: nn.MarginRankingLoss(0.3, red),
                                                          lambda: (X(10, (3, 4)), X(11, (3, 4)), sign(12, (3, 4))), 2))
        add(f"loss/hinge_embedding_{red}", value_and_grads(lambda red=red: nn.HingeEmbeddingLoss(1.2, red),
                                                           lambda: (X(13, (3, 4)), sign(14, (3, 4))), 1))
        add(f"loss/cosine_embedding_{red}", value_and_grads(lambda red=red: nn.CosineEmbeddingLoss(0.2, red),
                                                            lambda: (X(15, (4, 5)), X(16, (4, 5)),
                                                                     Tensor(np.array([1, -1, 1, -1], np.int32))), 2))
        add(f"loss/multilabel_soft_margin_{red}", value_and_grads(
            lambda red=red: nn.MultiLabelSoftMarginLoss(reduction=red),
            lambda: (X(17, (3, 4)), Tensor((np.random.default_rng(18).random((3, 4)) > 0.5).astype(np.float32))),
            1))
        add(f"loss/mae_{red}", value_and_grads(lambda red=red: nn.MAELoss(red), lambda: (X(21, (3, 4)),
                                                                                          X(22, (3, 4))), 2))
        add(f"loss/poisson_{red}", value_and_grads(lambda red=red: nn.PoissonNLLLoss(reduction=red),
                                                   lambda: (X(23, (3, 4)), Tensor(np.abs(f32(24, (3, 4))) * 3)), 1))
        add(f"loss/gaussian_{red}", value_and_grads(lambda red=red: nn.GaussianNLLLoss(reduction=red),
                                                    lambda: (X(25, (3, 4)), X(26, (3, 4)),
                                                             Tensor(np.abs(f32(27, (3, 4))) + 0.1))))
        add(f"loss/multi_margin_{red}", value_and_grads(lambda red=red: nn.MultiMarginLoss(reduction=red),
                                                        lambda: (X(31, (4, 5)),
                                                                 Tensor(np.array([0, 4, 2, 1], np.int64))), 1))
    add("loss/multilabel_soft_margin_weight", value_and_grads(
        lambda: nn.MultiLabelSoftMarginLoss(weight=Tensor(np.array([0.5, 1.0, 2.0, 0.1], np.float32))),
        lambda: (X(17, (3, 4)), Tensor((np.random.default_rng(18).random((3, 4)) > 0.5).astype(np.float32))), 1))
    add("loss/poisson_no_log_full", value_and_grads(lambda: nn.PoissonNLLLoss(log_input=False, full=True),
                                                    lambda: (Tensor(np.abs(f32(23, (3, 4))) + 0.2),
                                                             Tensor(np.abs(f32(24, (3, 4))) * 3)), 1))
    add("loss/poisson_full", value_and_grads(lambda: nn.PoissonNLLLoss(full=True),
                                             lambda: (X(23, (3, 4)), Tensor(np.abs(f32(24, (3, 4))) * 3)), 1))
    add("loss/gaussian_full", value_and_grads(lambda: nn.GaussianNLLLoss(full=True, eps=0.5),
                                              lambda: (X(25, (3, 4)), X(26, (3, 4)),
                                                       Tensor(np.abs(f32(27, (3, 4))) + 0.1))))
    add("loss/gaussian_var_broadcast", value_and_grads(lambda: nn.GaussianNLLLoss(),
                                                       lambda: (X(25, (3, 4)), X(26, (3, 4)),
                                                                Tensor(np.abs(f32(27, (3,))) + 0.1))))
    add("loss/multi_margin_p2_weight", value_and_grads(
        lambda: nn.MultiMarginLoss(p=2, margin=0.7, weight=Tensor(np.array([1.0, 0.5, 2.0, 0.3, 1.5], np.float32))),
        lambda: (X(31, (4, 5)), Tensor(np.array([0, 4, 2, 1], np.int64))), 1))
    add("loss/rmse", value_and_grads(lambda: nn.RMSELoss(), lambda: (X(32, (3, 4)), X(33, (3, 4)))))
    for red in ("mean", "sum", "none", "batchmean"):
        add(f"loss/kldiv_{red}", value_and_grads(
            lambda red=red: nn.KLDivLoss(red),
            lambda: (X(34, (3, 4)), Tensor(np.abs(f32(35, (3, 4))) + 0.1)), 1))
    for name, make in {"margin_ranking": lambda: nn.MarginRankingLoss(),
                       "hinge_embedding": lambda: nn.HingeEmbeddingLoss(),
                       "cosine_embedding": lambda: nn.CosineEmbeddingLoss(),
                       "multilabel_soft_margin": lambda: nn.MultiLabelSoftMarginLoss(),
                       "poisson": lambda: nn.PoissonNLLLoss(), "gaussian": lambda: nn.GaussianNLLLoss(),
                       "rmse": lambda: nn.RMSELoss(), "mae": lambda: nn.MAELoss(), "kldiv": lambda: nn.KLDivLoss(),
                       "multi_margin": lambda: nn.MultiMarginLoss()}.items():
        add(f"repr/loss_{name}", lambda make=make: repr(make()))

    add("err/margin_ranking_int_margin", lambda: nn.MarginRankingLoss(1)(X(10, (3,)), X(11, (3,)), sign(12, (3,))),
        ["margin"])
    add("err/margin_ranking_reduction", lambda: nn.MarginRankingLoss(reduction="max"), ["reduction"])
    add("err/hinge_margin_str", lambda: nn.HingeEmbeddingLoss("a"), ["margin"])
    add("err/cosine_margin_range", lambda: nn.CosineEmbeddingLoss(1.5), ["margin"])
    add("err/cosine_margin_int", lambda: nn.CosineEmbeddingLoss(0), ["margin"])
    add("err/cosine_shape", lambda: nn.CosineEmbeddingLoss()(X(15, (4, 5)), X(16, (4, 3)),
                                                             Tensor(np.array([1, -1, 1, -1], np.int32))))
    add("err/gaussian_eps", lambda: nn.GaussianNLLLoss(eps=0.0), ["eps"])
    add("err/gaussian_full", lambda: nn.GaussianNLLLoss(full=1), ["full"])
    add("err/gaussian_reduction", lambda: nn.GaussianNLLLoss(reduction="max"), ["reduction"])
    add("err/gaussian_not_tensor", lambda: nn.GaussianNLLLoss()(X(25, (3, 4)), X(26, (3, 4)), 1.0))
    add("err/kldiv_reduction", lambda: nn.KLDivLoss("max")(X(34, (3, 4)), X(35, (3, 4))), ["reduction"])
    add("err/mae_reduction", lambda: nn.MAELoss("max"), ["reduction"])
    add("err/mae_not_tensor", lambda: nn.MAELoss()(X(21, (3, 4)), 1.0))
    add("err/rmse_uint8", lambda: nn.RMSELoss()(Tensor(np.ones((2, 2), np.uint8)), Tensor(np.ones((2, 2),
                                                                                                   np.uint8))))
    add("err/poisson_not_tensor", lambda: nn.PoissonNLLLoss()(X(23, (3, 4)), 1.0))
    return out

"""A small GPT-style character language model trained on a bundled text, then sampling from it: token and
learned position embeddings, pre-norm Transformer blocks (nn.MultiheadAttention under a causal mask, a GELU MLP),
a final LayerNorm and an output layer tied to the token embedding (logits = h @ embedding_table^T).

Written as for MindSpore (``import mindspore``); on minispore run it with

    python -m minispore run examples/char_gpt.py                    # examples/data/tiny_text.txt
    python -m minispore run examples/char_gpt.py --text FILE        # any UTF-8 text

and on MindSpore with ``python examples/char_gpt.py``. The bundled text is three public-domain poems
(Shakespeare's sonnets 18 and 116, Blake's "The Tyger"). After training it prints a greedy continuation of
``--prompt`` and a sampled one (softmax with ``--temperature``, drawn by a NumPy generator seeded with
``--seed``, so the same weights give the same text on either framework), saves a checkpoint, reloads it into
a new network and checks that the greedy continuation is the same.
"""
import argparse
import os
import time

import numpy as np

import mindspore
from mindspore import nn, ops, Parameter, Tensor
from mindspore.common.initializer import Normal

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--text", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                                                   "tiny_text.txt"), help="the training text (UTF-8)")
parser.add_argument("--steps", type=int, default=300, help="training steps")
parser.add_argument("--block", type=int, default=32, help="context length")
parser.add_argument("--embed", type=int, default=64, help="embedding size")
parser.add_argument("--heads", type=int, default=4)
parser.add_argument("--layers", type=int, default=2)
parser.add_argument("--batch-size", type=int, default=16)
parser.add_argument("--lr", type=float, default=3e-3)
parser.add_argument("--prompt", default="Shall I ")
parser.add_argument("--length", type=int, default=120, help="characters to generate")
parser.add_argument("--temperature", type=float, default=0.8)
parser.add_argument("--jit", action="store_true", help="compile the train step with mindspore.jit")
parser.add_argument("--ckpt", default="char_gpt.ckpt", help="where to save the trained weights")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
mindspore.set_seed(args.seed)
np.random.seed(args.seed)     # (layers that draw from NumPy's generator, as in MindSpore)

with open(args.text, encoding="utf-8") as f:
    text = f.read()
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = np.array([stoi[c] for c in text], np.int32)
if len(data) <= args.block + 1:
    raise SystemExit(f"{args.text} has {len(data)} characters; it needs more than --block + 1 = {args.block + 1}")
unknown = sorted(set(args.prompt) - set(chars))
if unknown:
    raise SystemExit(f"--prompt has characters the text lacks: {unknown}")


class Block(nn.Cell):
    """x + attention(LayerNorm(x)) under the causal mask, then x + MLP(LayerNorm(x))."""

    def __init__(self, embed_dim, num_heads, block_size):
        super().__init__()
        self.ln1 = nn.LayerNorm((embed_dim,))
        self.attn = nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)
        self.ln2 = nn.LayerNorm((embed_dim,))
        self.mlp = nn.SequentialCell([nn.Dense(embed_dim, 4 * embed_dim), nn.GELU(approximate=False),
                                      nn.Dense(4 * embed_dim, embed_dim)])
        # True above the diagonal: position t attends to positions <= t only
        self.causal_mask = Tensor(np.triu(np.ones((block_size, block_size), np.bool_), 1))

    def construct(self, x):
        t = x.shape[1]
        h = self.ln1(x)
        # (MindSpore 2.10 returns the 1-tuple (attn_output,) when need_weights is False)
        x = x + self.attn(h, h, h, need_weights=False, attn_mask=self.causal_mask[:t, :t])[0]
        return x + self.mlp(self.ln2(x))


class CharGPT(nn.Cell):
    def __init__(self, vocab_size, embed_dim, num_heads, num_layers, block_size):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, embed_dim, embedding_table=Normal(0.1))
        self.wpe = Parameter(Tensor(np.random.default_rng(0).normal(0.0, 0.02, (1, block_size, embed_dim))
                                    .astype(np.float32)), name="wpe")
        self.blocks = nn.SequentialCell([Block(embed_dim, num_heads, block_size) for _ in range(num_layers)])
        self.ln_f = nn.LayerNorm((embed_dim,))

    def construct(self, idx):
        x = self.wte(idx) + self.wpe[:, :idx.shape[1]]
        x = self.ln_f(self.blocks(x))
        return ops.matmul(x, self.wte.embedding_table.T)        # tied to the token embedding


def build():
    return CharGPT(len(chars), args.embed, args.heads, args.layers, args.block)


net = build()
optimizer = nn.AdamWeightDecay(net.trainable_params(), learning_rate=args.lr, weight_decay=0.01)


def forward_fn(idx, targets):
    logits = net(idx)
    return ops.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters)


def train_step(idx, targets):
    loss, grads = grad_fn(idx, targets)
    optimizer(grads)
    return loss


if args.jit:
    train_step = mindspore.jit(train_step)

rng = np.random.default_rng(args.seed)


def batch():
    starts = rng.integers(0, len(data) - args.block - 1, args.batch_size)
    x = np.stack([data[s:s + args.block] for s in starts])
    y = np.stack([data[s + 1:s + args.block + 1] for s in starts])
    return Tensor(x), Tensor(y)


def generate(model, prompt, length, temperature=None, seed=None):
    """Greedy (temperature None) or sampled continuation of ``prompt``, one character at a time, the context
    cut to the last ``block`` characters."""
    model.set_train(False)
    sampler = np.random.default_rng(seed)
    context = [stoi[c] for c in prompt]
    for _ in range(length):
        window = Tensor(np.array([context[-args.block:]], np.int32))
        logits = model(window)[0, -1].asnumpy().astype(np.float64)
        if temperature is None:
            context.append(int(np.argmax(logits)))
        else:
            p = np.exp((logits - logits.max()) / temperature)
            context.append(int(sampler.choice(len(chars), p=p / p.sum())))
    return "".join(chars[i] for i in context)


params = sum(int(np.prod(p.shape)) for p in net.trainable_params())
print(f"{len(text)} characters ({len(chars)} distinct) from {args.text}; {args.layers} blocks of {args.embed} "
      f"with {args.heads} heads, context {args.block}: {params} trainable parameters")
net.set_train()
start, running = time.perf_counter(), None
report = max(1, args.steps // 8)
for step in range(1, args.steps + 1):
    loss = float(train_step(*batch()).asnumpy())
    running = loss if running is None else 0.9 * running + 0.1 * loss
    if step % report == 0 or step == args.steps:
        print(f"step {step}: loss {loss:.4f} (running {running:.4f}, {time.perf_counter() - start:.1f} s)")

greedy = generate(net, args.prompt, args.length)
print(f"greedy:\n{greedy}\n")
print(f"sampled (temperature {args.temperature}, seed {args.seed}):\n"
      f"{generate(net, args.prompt, args.length, args.temperature, args.seed)}\n")

mindspore.save_checkpoint(net, args.ckpt)
print(f"saved {args.ckpt}")
reloaded = build()
param_not_load, _ = mindspore.load_param_into_net(reloaded, mindspore.load_checkpoint(args.ckpt))
print(f"parameters not loaded: {param_not_load}")
same = generate(reloaded, args.prompt, args.length) == greedy
print(f"reloaded: greedy continuation {'the same' if same else 'DIFFERENT'}")

"""A small GPT-style character language model: token and learned position embeddings, two pre-norm blocks of
nn.MultiheadAttention under a causal (bool, upper-triangular) attn_mask and a GELU MLP, a final LayerNorm and
an output projection tied to the token embedding; trained with AdamWeightDecay on windows of a short text,
then greedy generation from a prompt, printing the text. (Generating after more training is left to
examples/char_gpt.py: a few dozen Adam steps further, MindSpore's own greedy text changes when its initial
weights move by 1e-6, so it cannot be a recording to compare with.)

    python tests/programs/char_gpt.py [--jit]                       # on MindSpore
    python -m minispore run tests/programs/char_gpt.py [--jit]      # on minispore
"""
import numpy as np

import mindspore
from mindspore import nn, ops, Parameter, Tensor

from _harness import init_parameters, maybe_jit, parse_args, print_grads, print_updates, snapshot, summary

TEXT = ("Shall I compare thee to a summer's day?\n"
        "Thou art more lovely and more temperate:\n"
        "Rough winds do shake the darling buds of May,\n"
        "And summer's lease hath all too short a date;\n")
BLOCK = 8
EMBED = 16
HEADS = 2
LAYERS = 2
BATCH = 4


class Block(nn.Cell):
    def __init__(self, embed_dim, num_heads, block_size):
        super().__init__()
        self.ln1 = nn.LayerNorm((embed_dim,))
        self.attn = nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)
        self.ln2 = nn.LayerNorm((embed_dim,))
        self.mlp = nn.SequentialCell([nn.Dense(embed_dim, 4 * embed_dim), nn.GELU(approximate=False),
                                      nn.Dense(4 * embed_dim, embed_dim)])
        self.causal_mask = Tensor(np.triu(np.ones((block_size, block_size), np.bool_), 1))

    def construct(self, x):
        h = self.ln1(x)
        # (MindSpore 2.10 returns the 1-tuple (attn_output,) when need_weights is False)
        x = x + self.attn(h, h, h, need_weights=False, attn_mask=self.causal_mask)[0]
        return x + self.mlp(self.ln2(x))


class CharGPT(nn.Cell):
    def __init__(self, vocab_size, embed_dim, num_heads, num_layers, block_size):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, embed_dim)
        self.wpe = Parameter(Tensor(np.zeros((1, block_size, embed_dim), np.float32)), name="wpe")
        self.blocks = nn.SequentialCell([Block(embed_dim, num_heads, block_size) for _ in range(num_layers)])
        self.ln_f = nn.LayerNorm((embed_dim,))

    def construct(self, idx):
        x = self.wte(idx) + self.wpe
        x = self.ln_f(self.blocks(x))
        return ops.matmul(x, self.wte.embedding_table.T)        # tied: logits against the token embeddings


args = parse_args(__doc__)
chars = sorted(set(TEXT))
stoi = {c: i for i, c in enumerate(chars)}
data_ids = np.array([stoi[c] for c in TEXT], np.int32)
print(f"text: {len(TEXT)} characters, vocabulary {len(chars)}")

net = CharGPT(len(chars), EMBED, HEADS, LAYERS, BLOCK)
init_parameters(net, seed=11, weight_std=lambda shape: 0.1)


def batch(step):
    starts = np.random.default_rng(500 + step).integers(0, len(data_ids) - BLOCK - 1, BATCH)
    x = np.stack([data_ids[s:s + BLOCK] for s in starts])
    y = np.stack([data_ids[s + 1:s + BLOCK + 1] for s in starts])
    return Tensor(x), Tensor(y)


def predict(idx):
    return net(idx)


predict = maybe_jit(predict, args.jit)
net.set_train(False)
x0, y0 = batch(0)
summary("eval logits", predict(x0), count=6)

optimizer = nn.AdamWeightDecay(net.trainable_params(), learning_rate=0.005, weight_decay=0.01)


def forward_fn(idx, targets):
    logits = net(idx)
    return ops.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters)


def train_step(idx, targets):
    loss, grads = grad_fn(idx, targets)
    optimizer(grads)
    return loss, grads


train_step = maybe_jit(train_step, args.jit)
net.set_train()
before = snapshot(net)
for step in range(1, args.steps + 1):
    loss, grads = train_step(*batch(step))
    if step == 1:
        print_grads(optimizer.parameters, grads, show=4)
    print(f"step {step}: loss={float(loss.asnumpy()):#.7g}")
print_updates(before, net, show=4)

net.set_train(False)
logits = predict(x0)
summary("eval logits after training", logits, count=6)
print(f"eval loss after training: {float(ops.cross_entropy(logits.view(-1, len(chars)), y0.view(-1)).asnumpy()):#.7g}")

context = [stoi[c] for c in TEXT[:BLOCK]]
generated = []
margins = []
for _ in range(12):
    last = predict(Tensor(np.array([context[-BLOCK:]], np.int32)))[0, -1].asnumpy().astype(np.float64)
    top2 = np.sort(last)[-2:]
    margins.append(top2[1] - top2[0])
    nxt = int(np.argmax(last))
    context.append(nxt)
    generated.append(nxt)
print(f"greedy ids: {generated}")
print(f"greedy text: {''.join(chars[i] for i in generated)!r}")
print(f"smallest top-2 margin: {min(margins):#.7g}")

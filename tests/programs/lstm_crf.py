"""MindSpore's tutorial "LSTM+CRF sequence labelling" (LSTM+CRF序列标注) at tiny size: a linear-chain CRF written
with ops (the score of the gold path by indexing, the normaliser by the forward algorithm with logsumexp, Viterbi
decoding with argmax/max and a Python back-trace), on Embedding -> bidirectional LSTM with per-sample
``seq_length`` -> Dense, trained with SGD on the tutorial's two sentences (padded to 11 tokens).

The CRF uses ``mindspore.numpy`` (mnp.arange, mnp.where, mnp.full), as the tutorial does. Every weight is set by
parameter name from seeded NumPy.

    python tests/programs/lstm_crf.py [--jit]                       # on MindSpore
    python -m minispore run tests/programs/lstm_crf.py [--jit]      # on minispore
"""
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
import mindspore.numpy as mnp
from mindspore.common.initializer import initializer, Uniform

from _harness import init_parameters, maybe_jit, parse_args, print_grads, print_updates, snapshot, summary


def compute_score(emissions, tags, seq_ends, mask, trans, start_trans, end_trans):
    # emissions: (seq_length, batch_size, num_tags); tags, mask: (seq_length, batch_size)
    seq_length, batch_size = tags.shape
    mask = mask.astype(emissions.dtype)
    score = start_trans[tags[0]]
    score += emissions[0, mnp.arange(batch_size), tags[0]]
    for i in range(1, seq_length):
        score += trans[tags[i - 1], tags[i]] * mask[i]
        score += emissions[i, mnp.arange(batch_size), tags[i]] * mask[i]
    last_tags = tags[seq_ends, mnp.arange(batch_size)]
    score += end_trans[last_tags]
    return score


def compute_normalizer(emissions, mask, trans, start_trans, end_trans):
    seq_length = emissions.shape[0]
    score = start_trans + emissions[0]
    for i in range(1, seq_length):
        broadcast_score = score.expand_dims(2)
        broadcast_emissions = emissions[i].expand_dims(1)
        next_score = broadcast_score + trans + broadcast_emissions
        next_score = ops.logsumexp(next_score, 1)
        score = mnp.where(mask[i].expand_dims(1).astype(ms.bool_), next_score, score)
    score += end_trans
    return ops.logsumexp(score, 1)


def viterbi_decode(emissions, mask, trans, start_trans, end_trans):
    seq_length = mask.shape[0]
    score = start_trans + emissions[0]
    history = ()
    for i in range(1, seq_length):
        broadcast_score = score.expand_dims(2)
        broadcast_emission = emissions[i].expand_dims(1)
        next_score = broadcast_score + trans + broadcast_emission
        indices = next_score.argmax(axis=1)
        history += (indices,)
        next_score = next_score.max(axis=1)
        score = mnp.where(mask[i].expand_dims(1).astype(ms.bool_), next_score, score)
    score += end_trans
    return score, history


def post_decode(score, history, seq_length):
    batch_size = seq_length.shape[0]
    seq_ends = seq_length - 1
    best_tags_list = []
    for idx in range(batch_size):
        best_last_tag = score[idx].argmax(axis=0)
        best_tags = [int(best_last_tag.asnumpy())]
        for hist in reversed(history[:int(seq_ends[idx].asnumpy())]):
            best_last_tag = hist[idx][best_tags[-1]]
            best_tags.append(int(best_last_tag.asnumpy()))
        best_tags.reverse()
        best_tags_list.append(best_tags)
    return best_tags_list


def sequence_mask(seq_length, max_length, batch_first=False):
    range_vector = mnp.arange(0, max_length, 1, dtype=seq_length.dtype)
    result = range_vector < seq_length.view(seq_length.shape + (1,))
    if batch_first:
        return result.astype(ms.int64)
    return result.astype(ms.int64).swapaxes(0, 1)


class CRF(nn.Cell):
    def __init__(self, num_tags, batch_first=False, reduction="sum"):
        if num_tags <= 0:
            raise ValueError(f"invalid number of tags: {num_tags}")
        super().__init__()
        if reduction not in ("none", "sum", "mean", "token_mean"):
            raise ValueError(f"invalid reduction: {reduction}")
        self.num_tags = num_tags
        self.batch_first = batch_first
        self.reduction = reduction
        self.start_transitions = ms.Parameter(initializer(Uniform(0.1), (num_tags,)), name="start_transitions")
        self.end_transitions = ms.Parameter(initializer(Uniform(0.1), (num_tags,)), name="end_transitions")
        self.transitions = ms.Parameter(initializer(Uniform(0.1), (num_tags, num_tags)), name="transitions")

    def construct(self, emissions, tags=None, seq_length=None):
        if tags is None:
            return self._decode(emissions, seq_length)
        return self._forward(emissions, tags, seq_length)

    def _forward(self, emissions, tags=None, seq_length=None):
        if self.batch_first:
            batch_size, max_length = tags.shape
            emissions = emissions.swapaxes(0, 1)
            tags = tags.swapaxes(0, 1)
        else:
            max_length, batch_size = tags.shape
        if seq_length is None:
            seq_length = mnp.full((batch_size,), max_length, dtype=ms.int64)
        mask = sequence_mask(seq_length, max_length)
        numerator = compute_score(emissions, tags, seq_length - 1, mask, self.transitions,
                                  self.start_transitions, self.end_transitions)
        denominator = compute_normalizer(emissions, mask, self.transitions, self.start_transitions,
                                         self.end_transitions)
        llh = denominator - numerator
        if self.reduction == "none":
            return llh
        if self.reduction == "sum":
            return llh.sum()
        if self.reduction == "mean":
            return llh.mean()
        return llh.sum() / mask.astype(emissions.dtype).sum()

    def _decode(self, emissions, seq_length=None):
        if self.batch_first:
            batch_size, max_length = emissions.shape[:2]
            emissions = emissions.swapaxes(0, 1)
        else:
            batch_size, max_length = emissions.shape[:2]
        if seq_length is None:
            seq_length = mnp.full((batch_size,), max_length, dtype=ms.int64)
        mask = sequence_mask(seq_length, max_length)
        return viterbi_decode(emissions, mask, self.transitions, self.start_transitions, self.end_transitions)


class BiLSTM_CRF(nn.Cell):
    def __init__(self, vocab_size, embedding_dim, hidden_dim, num_tags, padding_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=padding_idx)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim // 2, bidirectional=True, batch_first=True)
        self.hidden2tag = nn.Dense(hidden_dim, num_tags, "he_uniform")
        self.crf = CRF(num_tags, batch_first=True)

    def construct(self, inputs, seq_length, tags=None):
        embeds = self.embedding(inputs)
        outputs, _ = self.lstm(embeds, seq_length=seq_length)
        feats = self.hidden2tag(outputs)
        return self.crf(feats, tags, seq_length)


def prepare_sequence(seqs, word_to_idx, tag_to_idx):
    seq_outputs, label_outputs, seq_length = [], [], []
    max_len = max([len(i[0]) for i in seqs])
    for seq, tag in seqs:
        seq_length.append(len(seq))
        idxs = [word_to_idx[w] for w in seq]
        labels = [tag_to_idx[t] for t in tag]
        idxs.extend([word_to_idx["<pad>"] for i in range(max_len - len(seq))])
        labels.extend([tag_to_idx["O"] for i in range(max_len - len(seq))])
        seq_outputs.append(idxs)
        label_outputs.append(labels)
    return ms.Tensor(seq_outputs, ms.int64), ms.Tensor(label_outputs, ms.int64), ms.Tensor(seq_length, ms.int64)


args = parse_args(__doc__)
training_data = [(
    "the wall street journal reported today that apple corporation made money".split(),
    "B I I I O O O B I O O".split()
), (
    "georgia tech is a university in georgia".split(),
    "B I O O O O B".split()
)]
word_to_idx = {"<pad>": 0}
for sentence, tags in training_data:
    for word in sentence:
        if word not in word_to_idx:
            word_to_idx[word] = len(word_to_idx)
tag_to_idx = {"B": 0, "I": 1, "O": 2}
print(f"vocabulary: {len(word_to_idx)} words, tags {tag_to_idx}")

model = BiLSTM_CRF(len(word_to_idx), embedding_dim=8, hidden_dim=8, num_tags=len(tag_to_idx))
init_parameters(model, seed=3)
optimizer = nn.SGD(model.trainable_params(), learning_rate=0.1, weight_decay=1e-4)

data, label, seq_length = prepare_sequence(training_data, word_to_idx, tag_to_idx)
print(f"data {tuple(data.shape)} {data.dtype}, label {tuple(label.shape)}, seq_length {seq_length.asnumpy().tolist()}")


def decode(data, seq_length):
    return model(data, seq_length)


decode = maybe_jit(decode, args.jit)


def show_decode(title):
    score, history = decode(data, seq_length)
    summary(f"{title} score", score, count=6)
    print(f"  history: {len(history)} steps, first {history[0].asnumpy().tolist()}")
    print(f"  tags: {post_decode(score, history, seq_length)}")


model.set_train(False)
show_decode("viterbi")

grad_fn = ms.value_and_grad(model, None, optimizer.parameters)


def train_step(data, seq_length, label):
    loss, grads = grad_fn(data, seq_length, label)
    optimizer(grads)
    return loss, grads


train_step = maybe_jit(train_step, args.jit)
model.set_train()
before = snapshot(model)
for step in range(1, args.steps + 1):
    loss, grads = train_step(data, seq_length, label)
    if step == 1:
        print_grads(optimizer.parameters, grads)
    print(f"step {step}: loss={float(loss.asnumpy()):#.7g}")
print_updates(before, model)

model.set_train(False)
show_decode("viterbi after training")

"""MindSpore's tutorial "Sentiment classification with RNN" (RNN实现情感分类) at tiny size: reviews in the aclImdb
folder layout read with IMDBDataset, GloVe-format vectors read into a Vocab and an embedding matrix, the
tutorial's pipeline (tokenise, Lookup with '<unk>', PadEnd with '<pad>', TypeCast of the label), and its model
(Embedding -> 2-layer bidirectional LSTM -> Dense on the last hidden states of both directions) trained with
BCEWithLogitsLoss and Adam; then its predict_sentiment on two sentences.

The data (a synthetic aclImdb and a 6-dimensional GloVe file) is written to a temporary directory from seeded
NumPy; every weight is set by parameter name, the embedding table from the GloVe file as the tutorial does.

    python tests/programs/sentiment_lstm.py [--jit]                       # on MindSpore
    python -m minispore run tests/programs/sentiment_lstm.py [--jit]      # on minispore
"""
import os
import shutil
import string
import tempfile

import numpy as np

import mindspore
from mindspore import nn, ops
import mindspore.dataset as ds

from _harness import init_parameters, maybe_jit, parse_args, print_grads, print_updates, snapshot, summary

POSITIVE = ["great", "wonderful", "moving", "brilliant", "fun"]
NEGATIVE = ["terrible", "boring", "awful", "dull", "bad"]
NEUTRAL = ["the", "film", "is", "this", "plot", "and", "a", "actor", "story", "was"]
EMBEDDING_DIM = 6
MAX_LEN = 12


def write_data(root, seed):
    """aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt reviews of 5 to 14 words (some punctuation and capitals,
    for the tokeniser) and glove.6d.txt with one seeded vector per known word (the review words minus one, so
    that '<unk>' occurs)."""
    rng = np.random.default_rng(seed)
    for usage, count in (("train", 4), ("test", 2)):
        for label in ("pos", "neg"):
            folder = os.path.join(root, "aclImdb", usage, label)
            os.makedirs(folder)
            for i in range(count):
                length = int(rng.integers(5, 15))
                words = [str(w) for w in rng.choice(NEUTRAL, length)]
                for k in rng.choice(length, 2, replace=False):
                    words[k] = str(rng.choice(POSITIVE if label == "pos" else NEGATIVE))
                words[0] = words[0].capitalize()
                review = " ".join(words[:3]) + ", " + " ".join(words[3:]) + "!\n"
                rating = int(rng.integers(7, 11)) if label == "pos" else int(rng.integers(1, 5))
                with open(os.path.join(folder, f"{i}_{rating}.txt"), "w", encoding="utf-8") as f:
                    f.write(review)
    glove = os.path.join(root, "glove.6d.txt")
    with open(glove, "w", encoding="utf-8") as f:
        for word in NEUTRAL + POSITIVE + NEGATIVE[:-1]:
            vector = rng.uniform(-1.0, 1.0, EMBEDDING_DIM)
            f.write(word + " " + " ".join(f"{v:.5f}" for v in vector) + "\n")
    return os.path.join(root, "aclImdb"), glove


def load_glove(glove_path, seed):
    """The tutorial's load_glove: the words of the file in order, then '<unk>' (a random vector) and '<pad>'
    (zeros)."""
    embeddings, tokens = [], []
    with open(glove_path, encoding="utf-8") as gf:
        for glove in gf:
            word, embedding = glove.split(maxsplit=1)
            tokens.append(word)
            embeddings.append(np.array(embedding.split(), dtype=np.float32))
    embeddings.append(np.random.default_rng(seed).random(EMBEDDING_DIM))
    embeddings.append(np.zeros((EMBEDDING_DIM,), np.float32))
    vocab = ds.text.Vocab.from_list(tokens, special_tokens=["<unk>", "<pad>"], special_first=False)
    return vocab, np.array(embeddings).astype(np.float32)


def tokenize(review):
    """The tutorial's preprocessing: punctuation removed, lower case, split on whitespace."""
    return review.translate(str.maketrans("", "", string.punctuation)).lower().split()


class RNN(nn.Cell):
    def __init__(self, embeddings, hidden_dim, output_dim, n_layers, bidirectional, pad_idx):
        super().__init__()
        vocab_size, embedding_dim = embeddings.shape
        self.embedding = nn.Embedding(vocab_size, embedding_dim, embedding_table=mindspore.Tensor(embeddings),
                                      padding_idx=pad_idx)
        self.rnn = nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=bidirectional,
                           batch_first=True)
        self.fc = nn.Dense(hidden_dim * 2, output_dim)

    def construct(self, inputs):
        embedded = self.embedding(inputs)
        _, (hidden, _) = self.rnn(embedded)
        hidden = ops.concat((hidden[-2, :, :], hidden[-1, :, :]), axis=1)
        return self.fc(hidden)


args = parse_args(__doc__)
root = tempfile.mkdtemp(prefix="sentiment-")
try:
    imdb_dir, glove_path = write_data(root, seed=7)
    vocab, embeddings = load_glove(glove_path, seed=8)
    print(f"vocab: {len(vocab.vocab())} tokens, the={vocab.tokens_to_ids('the')} "
          f"<unk>={vocab.tokens_to_ids('<unk>')} <pad>={vocab.tokens_to_ids('<pad>')}")

    lookup_op = ds.text.Lookup(vocab, unknown_token="<unk>")
    pad_op = ds.transforms.PadEnd([MAX_LEN], pad_value=vocab.tokens_to_ids("<pad>"))
    type_cast_op = ds.transforms.TypeCast(mindspore.float32)

    def load(usage, batch_size):
        dataset = ds.IMDBDataset(imdb_dir, usage=usage, shuffle=False)
        dataset = dataset.map(operations=[ds.text.PythonTokenizer(tokenize), lookup_op, pad_op],
                              input_columns=["text"])
        dataset = dataset.map(operations=[type_cast_op], input_columns=["label"])
        return dataset.batch(batch_size, drop_remainder=True)

    imdb_train, imdb_test = load("train", 4), load("test", 4)
    print(f"batches: train {imdb_train.get_dataset_size()}, test {imdb_test.get_dataset_size()}")
    train_batches = list(imdb_train.create_tuple_iterator())
    test_batches = list(imdb_test.create_tuple_iterator())
finally:
    shutil.rmtree(root, ignore_errors=True)
for data, label in train_batches[:1] + test_batches[:1]:
    print(f"batch: text {tuple(data.shape)} {data.dtype}, label {tuple(label.shape)} {label.dtype}")
    for row, value in zip(data.asnumpy().tolist(), label.asnumpy().tolist()):
        print(f"  {row} -> {value:.1f}")

pad_idx = vocab.tokens_to_ids("<pad>")
model = RNN(embeddings, hidden_dim=5, output_dim=1, n_layers=2, bidirectional=True, pad_idx=pad_idx)
init_parameters(model, seed=1)
model.embedding.embedding_table.set_data(mindspore.Tensor(embeddings))   # the GloVe vectors, as constructed
loss_fn = nn.BCEWithLogitsLoss(reduction="mean")
optimizer = nn.Adam(model.trainable_params(), learning_rate=0.01)


def predict(data):
    return model(data)


predict = maybe_jit(predict, args.jit)
model.set_train(False)
summary("eval logits", predict(test_batches[0][0]))


def forward_fn(data, label):
    logits = model(data)
    return loss_fn(logits, ops.reshape(label, (-1, 1)))


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters)


def train_step(data, label):
    loss, grads = grad_fn(data, label)
    optimizer(grads)
    return loss, grads


train_step = maybe_jit(train_step, args.jit)
model.set_train()
before = snapshot(model)
for step in range(1, args.steps + 1):
    data, label = train_batches[(step - 1) % len(train_batches)]
    loss, grads = train_step(data, label)
    if step == 1:
        print_grads(optimizer.parameters, grads)
    print(f"step {step}: loss={float(loss.asnumpy()):#.7g}")
print_updates(before, model)

model.set_train(False)
logits = predict(test_batches[0][0])
summary("eval logits after training", logits)
print(f"eval loss after training: {float(loss_fn(logits, ops.reshape(test_batches[0][1], (-1, 1))).asnumpy()):#.7g}")

score_map = {1: "Positive", 0: "Negative"}


def predict_sentiment(sentence):
    tokenized = sentence.lower().split()
    indexed = vocab.tokens_to_ids(tokenized)
    tensor = mindspore.Tensor(indexed, mindspore.int32).expand_dims(0)
    prediction = model(tensor)
    probability = float(ops.sigmoid(prediction).asnumpy().reshape(()))
    return indexed, probability, score_map[int(np.round(probability))]


for sentence in ("This film is terrible", "This film is great"):
    indexed, probability, label = predict_sentiment(sentence)
    print(f"{sentence!r}: ids {indexed}, sigmoid {probability:#.7g}")

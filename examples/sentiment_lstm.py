"""MindSpore's tutorial "Sentiment classification with RNN": movie reviews in the aclImdb layout read with
IMDBDataset, GloVe vectors loaded into a Vocab and the Embedding table, a 2-layer bidirectional LSTM and a Dense
layer on the last hidden states of both directions, BCEWithLogitsLoss and Adam; evaluated after every epoch,
the best epoch saved as a checkpoint, reloaded into a new network and tested, then two sentences classified.

Written as for MindSpore (``import mindspore``); on minispore run it with

    python -m minispore run examples/sentiment_lstm.py                                # synthetic reviews
    python -m minispore run examples/sentiment_lstm.py --data aclImdb --glove glove.6B.100d.txt

and on MindSpore with ``python examples/sentiment_lstm.py [...]``. Without ``--data`` the script writes a small
synthetic aclImdb (reviews made of neutral words and a few sentiment words) and a matching GloVe-format file
into a temporary directory. With ``--data`` but no ``--glove`` the vocabulary is built from the training reviews
(Vocab.from_dataset) and the embeddings start random. The tutorial's sizes are ``--max-len 500 --hidden 256``
with glove.6B.100d; the defaults here are smaller, so that an epoch on the synthetic set takes seconds.
"""
import argparse
import math
import os
import shutil
import string
import tempfile
import time

import numpy as np

import mindspore
from mindspore import nn, ops
import mindspore.dataset as ds
from mindspore.common.initializer import HeUniform, Uniform

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--data", help="the aclImdb directory (train/ and test/, each with pos/ and neg/)")
parser.add_argument("--glove", help="a GloVe text file (word v1 v2 ...), e.g. glove.6B.100d.txt")
parser.add_argument("--num-samples", type=int, default=None, help="read only this many reviews per split")
parser.add_argument("--vocab-size", type=int, default=20000, help="without --glove: the most frequent words kept")
parser.add_argument("--embedding-dim", type=int, default=50, help="without --glove: the embedding size")
parser.add_argument("--max-len", type=int, default=48, help="reviews are padded or cut to this many tokens")
parser.add_argument("--hidden", type=int, default=32, help="LSTM hidden size (the tutorial: 256)")
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--steps", type=int, default=None, help="stop each epoch after this many batches")
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--lr", type=float, default=0.005)
parser.add_argument("--train-size", type=int, default=400, help="synthetic training reviews (half positive)")
parser.add_argument("--test-size", type=int, default=160, help="synthetic test reviews")
parser.add_argument("--jit", action="store_true", help="compile the train step with mindspore.jit")
parser.add_argument("--ckpt", default="sentiment_lstm.ckpt", help="where to save the best weights")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
mindspore.set_seed(args.seed)
np.random.seed(args.seed)     # nn.LSTM, nn.GRU and nn.RNN draw their weights from NumPy's generator

POSITIVE = ["great", "wonderful", "brilliant", "moving", "superb", "beautiful", "fun", "excellent", "loved",
            "charming"]
NEGATIVE = ["terrible", "boring", "awful", "dull", "bad", "poor", "waste", "worst", "hated", "stupid"]
NEUTRAL = ("the a an this that film movie story plot actor actress scene director it is was and but of to in "
           "with for on as at by from his her their its characters ending music camera script time").split()


def write_synthetic(root, train_size, test_size, dim, seed):
    """aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt and glove.synthetic.<dim>d.txt: each review is 15 to
    60 neutral words with 2 to 5 words of its sentiment (and sometimes one of the other); the vectors are
    random, with the sentiment words sharing a direction of their polarity, as pretrained vectors tend to."""
    rng = np.random.default_rng(seed)
    for usage, size in (("train", train_size), ("test", test_size)):
        for label, own, other in (("pos", POSITIVE, NEGATIVE), ("neg", NEGATIVE, POSITIVE)):
            folder = os.path.join(root, "aclImdb", usage, label)
            os.makedirs(folder)
            for i in range(size // 2):
                words = [str(w) for w in rng.choice(NEUTRAL, int(rng.integers(15, 60)))]
                extra = [str(w) for w in rng.choice(own, int(rng.integers(2, 6)))]
                if rng.random() < 0.3:
                    extra.append(str(rng.choice(other)))
                for word in extra:
                    words.insert(int(rng.integers(0, len(words) + 1)), word)
                text = " ".join(words).capitalize() + "."
                rating = int(rng.integers(7, 11)) if label == "pos" else int(rng.integers(1, 5))
                with open(os.path.join(folder, f"{i}_{rating}.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
    direction = rng.standard_normal(dim)
    direction /= np.linalg.norm(direction)
    glove = os.path.join(root, f"glove.synthetic.{dim}d.txt")
    with open(glove, "w", encoding="utf-8") as f:
        for word in NEUTRAL + POSITIVE + NEGATIVE:
            vector = 0.4 * rng.standard_normal(dim)
            vector += 1.5 * direction * (word in POSITIVE) - 1.5 * direction * (word in NEGATIVE)
            f.write(word + " " + " ".join(f"{v:.5f}" for v in vector) + "\n")
    return os.path.join(root, "aclImdb"), glove


def load_glove(glove_path):
    """The tutorial's load_glove: the file's words in order, then '<unk>' (a random vector) and '<pad>' (zeros)."""
    embeddings, tokens = [], []
    with open(glove_path, encoding="utf-8") as gf:
        for glove in gf:
            word, embedding = glove.split(maxsplit=1)
            tokens.append(word)
            embeddings.append(np.array(embedding.split(), dtype=np.float32))
    dim = embeddings[0].shape[0]
    embeddings.append(np.random.rand(dim))
    embeddings.append(np.zeros((dim,), np.float32))
    vocab = ds.text.Vocab.from_list(tokens, special_tokens=["<unk>", "<pad>"], special_first=False)
    return vocab, np.array(embeddings).astype(np.float32)


def tokenize(review):
    """The tutorial's preprocessing: punctuation removed, lower case, split on whitespace (and IMDB's <br />)."""
    review = review.replace("<br />", " ")
    return review.translate(str.maketrans("", "", string.punctuation)).lower().split()


workdir = None
if args.data:
    imdb_dir, glove_path = args.data, args.glove
    print(f"Reviews from {imdb_dir}" + (f", vectors from {glove_path}" if glove_path else ""))
else:
    workdir = tempfile.mkdtemp(prefix="aclImdb-")
    imdb_dir, glove_path = write_synthetic(workdir, args.train_size, args.test_size, args.embedding_dim, args.seed)
    print(f"Training on synthetic reviews ({args.train_size} training, {args.test_size} test) and synthetic "
          f"{args.embedding_dim}-d vectors; use --data aclImdb [--glove FILE] for IMDB.")


def reviews(usage, shuffle):
    dataset = ds.IMDBDataset(imdb_dir, usage=usage, num_samples=args.num_samples, shuffle=shuffle)
    return dataset.map(operations=[ds.text.PythonTokenizer(tokenize)], input_columns=["text"])


if glove_path:
    vocab, embeddings = load_glove(glove_path)
else:
    vocab = ds.text.Vocab.from_dataset(reviews("train", False), columns=["text"], top_k=args.vocab_size,
                                       special_tokens=["<unk>", "<pad>"], special_first=False)
    embeddings = np.random.default_rng(args.seed).normal(0.0, 0.1, (len(vocab.vocab()), args.embedding_dim))
    embeddings[vocab.tokens_to_ids("<pad>")] = 0.0
    embeddings = embeddings.astype(np.float32)
pad_idx = vocab.tokens_to_ids("<pad>")
print(f"vocabulary: {len(vocab.vocab())} tokens, embeddings {embeddings.shape}")

lookup_op = ds.text.Lookup(vocab, unknown_token="<unk>")
pad_op = ds.transforms.PadEnd([args.max_len], pad_value=pad_idx)
type_cast_op = ds.transforms.TypeCast(mindspore.float32)


def load(usage, batch_size, shuffle):
    dataset = reviews(usage, shuffle).map(operations=[lookup_op, pad_op], input_columns=["text"])
    dataset = dataset.map(operations=[type_cast_op], input_columns=["label"])
    return dataset.batch(batch_size, drop_remainder=shuffle)


imdb_train = load("train", args.batch_size, True)
imdb_test = load("test", 64, False)


class RNN(nn.Cell):
    def __init__(self, embeddings, hidden_dim, output_dim, n_layers, bidirectional, pad_idx):
        super().__init__()
        vocab_size, embedding_dim = embeddings.shape
        self.embedding = nn.Embedding(vocab_size, embedding_dim, embedding_table=mindspore.Tensor(embeddings),
                                      padding_idx=pad_idx)
        self.rnn = nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=bidirectional,
                           batch_first=True)
        weight_init = HeUniform(math.sqrt(5))
        bias_init = Uniform(1 / math.sqrt(hidden_dim * 2))
        self.fc = nn.Dense(hidden_dim * 2, output_dim, weight_init=weight_init, bias_init=bias_init)

    def construct(self, inputs):
        embedded = self.embedding(inputs)
        _, (hidden, _) = self.rnn(embedded)
        hidden = ops.concat((hidden[-2, :, :], hidden[-1, :, :]), axis=1)
        return self.fc(hidden)


def build():
    return RNN(embeddings, args.hidden, 1, 2, True, pad_idx)


model = build()
loss_fn = nn.BCEWithLogitsLoss(reduction="mean")
optimizer = nn.Adam(model.trainable_params(), learning_rate=args.lr)


def forward_fn(data, label):
    logits = model(data)
    return loss_fn(logits, label.reshape((-1, 1)))       # IMDBDataset's label is a scalar per review


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters)


def train_step(data, label):
    loss, grads = grad_fn(data, label)
    optimizer(grads)
    return loss


if args.jit:
    train_step = mindspore.jit(train_step)


def train_one_epoch():
    model.set_train()
    total, steps = 0.0, 0
    for data, label in imdb_train.create_tuple_iterator():
        total += float(train_step(data, label).asnumpy())
        steps += 1
        if args.steps is not None and steps >= args.steps:
            break
    return total / steps


def binary_accuracy(preds, y):
    """The fraction of rounded sigmoid outputs equal to the labels."""
    rounded_preds = np.around(ops.sigmoid(preds).asnumpy())
    return float((rounded_preds.reshape(-1) == y.asnumpy().reshape(-1)).astype(np.float32).mean())


def evaluate(net):
    net.set_train(False)
    epoch_loss, correct, count, batches = 0.0, 0.0, 0, 0
    for data, label in imdb_test.create_tuple_iterator():
        predictions = net(data)
        epoch_loss += float(loss_fn(predictions, label.reshape((-1, 1))).asnumpy())
        correct += binary_accuracy(predictions, label) * label.shape[0]
        count += label.shape[0]
        batches += 1
    return epoch_loss / batches, 100.0 * correct / count


params = sum(int(np.prod(p.shape)) for p in model.trainable_params())
print(f"Embedding -> 2-layer bidirectional LSTM({args.hidden}) -> Dense: {params} trainable parameters; "
      f"{imdb_train.get_dataset_size()} batches of {args.batch_size} per epoch")
best_valid_loss = float("inf")
try:
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        train_loss = train_one_epoch()
        seconds = time.perf_counter() - start
        valid_loss, accuracy = evaluate(model)
        print(f"epoch {epoch}: train loss {train_loss:.4f}, test loss {valid_loss:.4f}, test accuracy "
              f"{accuracy:.2f}% ({seconds:.1f} s)")
        if valid_loss < best_valid_loss:
            best_valid_loss = valid_loss
            mindspore.save_checkpoint(model, args.ckpt)

    print(f"saved the best epoch (test loss {best_valid_loss:.4f}) to {args.ckpt}")
    reloaded = build()
    param_not_load, _ = mindspore.load_param_into_net(reloaded, mindspore.load_checkpoint(args.ckpt))
    print(f"parameters not loaded: {param_not_load}")
    reloaded_loss, accuracy = evaluate(reloaded)
    print(f"reloaded: test loss {reloaded_loss:.4f}, test accuracy {accuracy:.2f}%")
finally:
    if workdir:
        shutil.rmtree(workdir, ignore_errors=True)

score_map = {1: "Positive", 0: "Negative"}


def predict_sentiment(net, sentence):
    net.set_train(False)
    tokenized = sentence.lower().split()
    indexed = vocab.tokens_to_ids(tokenized)
    tensor = mindspore.Tensor(indexed, mindspore.int32).expand_dims(0)
    prediction = net(tensor)
    return score_map[int(np.round(ops.sigmoid(prediction).asnumpy().reshape(())))]


for sentence in ("This film is terrible", "This film is great"):
    print(f"{sentence!r}: {predict_sentiment(reloaded, sentence)}")

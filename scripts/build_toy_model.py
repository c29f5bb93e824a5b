"""Build the small TRAINED German→English toy package used by the translation tests (one-off script).

Why: tests of glossary protection need a model that really translates and really copies placeholder
tokens (``[0]``), next to the random-weight models that drop them. Real Argos models cannot be downloaded
here, so this script trains a tiny Transformer (d=64, 2+2 layers) on generated sentence pairs of the
county domain, with placeholders and numbers that the target copies, and converts it through the same
numpy → CTranslate2 path as the random test models (``tests/fixtures/argos/random_model.py``).

torch is used ONLY here (``pip install torch==2.13.0``, CPU); the package and the tests never import it.
Output: ``tests/fixtures/argos/translate-de_en-toy.argosmodel`` (< 1 MB). Run:

    python scripts/build_toy_model.py            # ~2 minutes on 2 cores
"""

from __future__ import annotations

import importlib.util
import math
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "argos" / "translate-de_en-toy.argosmodel"
D, LAYERS, HEADS, FFN = 64, 2, 4, 128
STEPS, BATCH = 2500, 64

# German → English lexicon of the domain: (German with article, English with article)
SUBJECTS = [("Der Landrat", "The district administrator"), ("Die Lehrerin", "The teacher"),
            ("Das Team", "The team"), ("Der Kreis", "The district"), ("Die Stadt", "The town"),
            ("Der Verein", "The club"), ("Die Beraterin", "The adviser"), ("Das Amt", "The office"),
            ("Die Familie", "The family"), ("Der Nachbar", "The neighbour")]
VERBS = [("besucht", "visits"), ("plant", "plans"), ("hilft", "helps"), ("sucht", "seeks"),
         ("öffnet", "opens"), ("lobt", "praises"), ("fördert", "supports"), ("kennt", "knows")]
OBJECTS = [("die Schule", "the school"), ("den Kurs", "the course"), ("das Fest", "the festival"),
           ("die Gäste", "the guests"), ("das Projekt", "the project"), ("die Kinder", "the children"),
           ("den Markt", "the market"), ("die Konferenz", "the conference"), ("das Haus", "the house")]
TAILS = [("", ""), (" heute", " today"), (" in Heinsberg", " in Heinsberg"), (" am Montag", " on Monday"),
         (" mit {n} Gästen", " with {n} guests"), (" im Jahr {y}", " in {y}")]


def _placeholder_or(word: tuple[str, str], i: int, rng: random.Random) -> tuple[str, str, int]:
    """Sometimes replace a noun phrase by a placeholder token that the target copies."""
    if rng.random() < 0.35:
        article_de = word[0].split()[0] + " " if rng.random() < 0.6 else ""
        article_en = "the " if article_de else ""
        if word[1][0].isupper():
            article_en = article_en.capitalize()
        return f"{article_de}[{i}]", f"{article_en}[{i}]", i + 1
    return word[0], word[1], i


def pair(rng: random.Random) -> tuple[str, str]:
    i = 0
    s_de, s_en, i = _placeholder_or(rng.choice(SUBJECTS), i, rng)
    v_de, v_en = rng.choice(VERBS)
    o_de, o_en, i = _placeholder_or(rng.choice(OBJECTS), i, rng)
    t_de, t_en = rng.choice(TAILS)
    n, y = rng.randint(2, 999), rng.randint(1990, 2030)
    if s_en.startswith("the "):
        s_en = "The " + s_en[4:]
    de = f"{s_de} {v_de} {o_de}{t_de.format(n=n, y=y)}."
    en = f"{s_en} {v_en} {o_en}{t_en.format(n=n, y=y)}."
    return de, en


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("random_model", ROOT / "tests/fixtures/argos/random_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Attention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.linear_query, self.linear_keys = nn.Linear(D, D), nn.Linear(D, D)
        self.linear_values, self.final_linear = nn.Linear(D, D), nn.Linear(D, D)

    def forward(self, q, kv, mask):  # type: ignore[no-untyped-def]
        b, lq, _ = q.shape
        lk = kv.shape[1]
        h, dh = HEADS, D // HEADS
        qh = self.linear_query(q).view(b, lq, h, dh).transpose(1, 2) / math.sqrt(dh)
        kh = self.linear_keys(kv).view(b, lk, h, dh).transpose(1, 2)
        vh = self.linear_values(kv).view(b, lk, h, dh).transpose(1, 2)
        scores = qh @ kh.transpose(-1, -2)
        scores = scores.masked_fill(~mask, float("-inf"))
        out = (scores.softmax(-1) @ vh).transpose(1, 2).reshape(b, lq, D)
        return self.final_linear(out)


class FeedForward(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layer_norm, self.w_1, self.w_2 = nn.LayerNorm(D, eps=1e-6), nn.Linear(D, FFN), nn.Linear(FFN, D)

    def forward(self, x):  # type: ignore[no-untyped-def]
        return x + self.w_2(torch.relu(self.w_1(self.layer_norm(x))))


class EncoderLayer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layer_norm, self.self_attn, self.feed_forward = nn.LayerNorm(D, eps=1e-6), Attention(), FeedForward()

    def forward(self, x, mask):  # type: ignore[no-untyped-def]
        y = self.layer_norm(x)
        return self.feed_forward(x + self.self_attn(y, y, mask))


class DecoderLayer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layer_norm_1, self.self_attn = nn.LayerNorm(D, eps=1e-6), Attention()
        self.layer_norm_2, self.context_attn = nn.LayerNorm(D, eps=1e-6), Attention()
        self.feed_forward = FeedForward()

    def forward(self, x, mem, self_mask, mem_mask):  # type: ignore[no-untyped-def]
        y = self.layer_norm_1(x)
        x = x + self.self_attn(y, y, self_mask)
        y = self.layer_norm_2(x)
        x = x + self.context_attn(y, mem, mem_mask)
        return self.feed_forward(x)


class Model(nn.Module):
    def __init__(self, vocab: int, pe: np.ndarray) -> None:
        super().__init__()
        self.src_emb, self.tgt_emb = nn.Embedding(vocab, D), nn.Embedding(vocab, D)
        self.register_buffer("pe", torch.tensor(pe))
        self.enc = nn.ModuleList(EncoderLayer() for _ in range(LAYERS))
        self.dec = nn.ModuleList(DecoderLayer() for _ in range(LAYERS))
        self.enc_norm, self.dec_norm = nn.LayerNorm(D, eps=1e-6), nn.LayerNorm(D, eps=1e-6)
        self.generator = nn.Linear(D, vocab)

    def embed(self, emb, ids):  # type: ignore[no-untyped-def]
        return emb(ids) * math.sqrt(D) + self.pe[: ids.shape[1]]

    def forward(self, src, tgt_in):  # type: ignore[no-untyped-def]
        src_mask = (src != 1)[:, None, None, :]
        x = self.embed(self.src_emb, src)
        for layer in self.enc:
            x = layer(x, src_mask)
        mem = self.enc_norm(x)
        n = tgt_in.shape[1]
        causal = torch.tril(torch.ones(n, n, dtype=torch.bool))[None, None]
        y = self.embed(self.tgt_emb, tgt_in)
        for layer in self.dec:
            y = layer(y, mem, causal, src_mask)
        return self.generator(self.dec_norm(y))


def variables(model: Model) -> dict[str, np.ndarray]:
    """The trained weights under OpenNMT-py names (what CTranslate2's converter expects)."""
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    out: dict[str, np.ndarray] = {}
    pe = sd["pe"]
    for side, emb in (("encoder", "src_emb"), ("decoder", "tgt_emb")):
        out[f"{side}.embeddings.make_embedding.emb_luts.0.weight"] = sd[f"{emb}.weight"]
        out[f"{side}.embeddings.make_embedding.pe.pe"] = pe
    for name, value in sd.items():
        if name.startswith("enc."):
            out["encoder.transformer." + name[4:]] = value
        elif name.startswith("dec."):
            out["decoder.transformer_layers." + name[4:]] = value
        elif name.startswith("enc_norm."):
            out["encoder.layer_norm." + name[9:]] = value
        elif name.startswith("dec_norm."):
            out["decoder.layer_norm." + name[9:]] = value
        elif name.startswith("generator."):
            out[name] = value
    return out


def main() -> None:
    torch.manual_seed(0)
    torch.set_num_threads(1)  # the machine is shared; OpenMP spinning under contention is far slower
    rng = random.Random(0)
    b = _builder()
    pairs = [pair(rng) for _ in range(20000)]
    corpus = [s for p in pairs[:4000] for s in p] + [f"[{i}]" for i in range(4)] + [str(i) for i in range(10)]
    sp_model = b.train_sentencepiece(corpus, 400)
    vocab = b._vocabulary(sp_model)
    index = {piece: i for i, piece in enumerate(vocab)}
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=sp_model)

    def ids(text: str) -> list[int]:
        return [index.get(p, 0) for p in sp.encode(text, out_type=str)]

    data = [(ids(de), [2] + ids(en) + [3]) for de, en in pairs]
    pe = b.sinusoidal_positions(b.MAX_POSITIONS, D)
    model = Model(len(vocab), pe)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.98))
    loss_fn = nn.CrossEntropyLoss(ignore_index=1, label_smoothing=0.05)
    for step in range(1, STEPS + 1):
        batch = rng.sample(data, BATCH)
        ls = max(len(s) for s, _ in batch)
        lt = max(len(t) for _, t in batch)
        src = torch.tensor([s + [1] * (ls - len(s)) for s, _ in batch])
        tgt = torch.tensor([t + [1] * (lt - len(t)) for _, t in batch])
        for group in optimizer.param_groups:
            group["lr"] = 2e-3 * min(1.0, step / 200) * (0.2 if step > STEPS * 0.8 else 1.0)
        logits = model(src, tgt[:, :-1])
        loss = loss_fn(logits.reshape(-1, logits.shape[-1]), tgt[:, 1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 100 == 0:
            print(f"step {step}: loss {loss.item():.3f}", flush=True)
    model.eval()
    shape = b.ModelShape(layers=LAYERS, d_model=D, heads=HEADS, ffn=FFN)
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        b.convert_ctranslate2(variables(model), vocab, shape, model_dir)
        b.write_package(OUT, "de", "en", model_dir, sp_model, package_version="0.1-toy")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1000:.0f} kB)")


if __name__ == "__main__":
    main()

"""The translation engine: each Argos package's own tokenizer and CTranslate2 model, called in one batch.

Why not ``argostranslate.translate.translate()``: it splits sentences itself (MiniSBD downloads a model on
first use, which fails offline), and it calls ``translate_batch`` once per paragraph with a 32-token
batch, beam 4 and one thread — 5 sentences/s on the benchmark machine. lesbar already knows the
sentences, so it deduplicates them and translates all of them in **one** ``translate_batch`` call per
model, int8 on the CPU, with one CTranslate2 worker per core (``inter_threads``) and the batch split
into length-sorted sub-batches so that both workers are busy (``benchmarks/translation.py``).

Other things this module takes care of:

* decoding uses SentencePiece itself: argostranslate's decoder turns every ``_`` into a space, which
  breaks identifiers, URLs and placeholders;
* no silent truncation: inputs longer than ``max_input_tokens`` are split at clause boundaries (and
  flagged); an output that hit the decoding limit is flagged ``truncated``;
* every model is loaded once per process (``forget_models`` after installing/removing packages).
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from lesbar.translate.packages import InstalledPackage, ModelError
from lesbar.translate.routes import Route

log = logging.getLogger(__name__)

#: CTranslate2 models cannot address positions beyond their position table (1024 in OpenNMT-py models).
POSITION_LIMIT = 1024


def cpu_count() -> int:
    """Cores this process may use (the container's limit, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class EngineOptions:
    """How the models are run. ``threads=0`` means one worker per core."""

    beam_size: int = 2
    threads: int = 0
    #: Inputs longer than this (in the model's tokens) are split at clause boundaries and flagged.
    max_input_tokens: int = 250
    #: Upper bound of the output length; ``None``: twice the longest input plus 16 (capped).
    max_decoding_length: int | None = None
    #: Benchmarks force equal output lengths with ``min_decoding_length == max_decoding_length``.
    min_decoding_length: int = 0
    #: Examples per CTranslate2 sub-batch; 0: split the call evenly over the workers (see module doc).
    max_batch_size: int = 0
    length_penalty: float = 0.2  # argostranslate's value, so output quality matches its translate()

    @property
    def workers(self) -> int:
        return self.threads if self.threads > 0 else cpu_count()


@dataclass
class HopOutput:
    text: str
    flags: list[str] = field(default_factory=list)


class LoadedModel:
    """One package's tokenizer and CTranslate2 translator, loaded once per process."""

    def __init__(self, package: InstalledPackage, workers: int) -> None:
        import ctranslate2

        self.package = package
        self.workers = workers
        model_dir = package.path / "model"
        try:
            self.translator = ctranslate2.Translator(
                str(model_dir), device="cpu", compute_type="int8", inter_threads=workers, intra_threads=1
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(
                f"the model {package.pair} in {package.path} cannot be loaded ({exc}); "
                f"reinstall it: lesbar models install {package.from_code} {package.to_code}"
            ) from None
        self._sp: Any = None
        self._bpe: Any = None
        sp_file = package.path / "sentencepiece.model"
        if sp_file.is_file():
            import sentencepiece as spm

            self._sp = spm.SentencePieceProcessor(model_file=str(sp_file))
        else:
            from argostranslate.tokenizer import BPETokenizer

            self._bpe = BPETokenizer(package.path / "bpe.model", package.from_code, package.to_code)

    def encode(self, texts: list[str]) -> list[list[str]]:
        if self._sp is not None:
            return [list(t) for t in self._sp.encode(texts, out_type=str)]
        return [self._bpe.encode(t) for t in texts]

    def decode(self, tokens: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        if self._sp is not None:
            text = self._sp.decode_pieces(tokens)
        else:
            text = self._bpe.decode(tokens)
        return str(text).strip()


_models: dict[tuple[str, int], LoadedModel] = {}
_models_lock = threading.Lock()


def load_model(package: InstalledPackage, workers: int) -> LoadedModel:
    key = (str(package.path), workers)
    with _models_lock:
        model = _models.get(key)
        if model is None:
            log.info("loading model %s from %s", package.pair, package.path)
            model = LoadedModel(package, workers)
            _models[key] = model
        return model


def forget_models() -> None:
    """Unload all models (after packages were installed or removed)."""
    with _models_lock:
        _models.clear()


def loaded_models() -> list[LoadedModel]:
    with _models_lock:
        return list(_models.values())


def release_heap() -> None:
    """Give the memory freed after a batch back to the operating system (glibc only).

    CTranslate2's worker threads allocate in per-thread malloc arenas that glibc keeps after the batch;
    with five language pairs loaded that retained heap grew peak RSS from ~1.0 to ~1.9 GB in the
    benchmark. ``malloc_trim`` returns it (a few milliseconds per batch)."""
    global _libc
    if _libc is None:
        try:
            import ctypes

            _libc = ctypes.CDLL("libc.so.6")
            _libc.malloc_trim  # noqa: B018 - raises AttributeError if this is not glibc
        except (OSError, AttributeError):
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


_libc: Any = None


# ------------------------------------------------------------------------------------- long inputs

_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—-]\s)|\s+(?=(?:und|oder|aber|denn|sondern|weil|dass|wenn)\s)")


def split_long(text: str, count_tokens: Any, limit: int) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` tokens: at clause boundaries, else between words."""
    if count_tokens(text) <= limit:
        return [text]
    out: list[str] = []
    for piece in _pack(_CLAUSE_BREAK.split(text), count_tokens, limit):
        out.extend([piece] if count_tokens(piece) <= limit else _pack(piece.split(), count_tokens, limit))
    return out


def _pack(parts: list[str], count_tokens: Any, limit: int) -> list[str]:
    """Join consecutive ``parts`` with spaces as long as a piece stays within ``limit`` tokens."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}".strip()
        if current and count_tokens(candidate) > limit:
            pieces.append(current)
            current = part
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


# ---------------------------------------------------------------------------------------- translate

#: Largest sub-batch: CTranslate2 sorts the call's examples by length and cuts them into sub-batches of
#: this size, which the workers translate in parallel; small sub-batches waste less on padding and keep
#: every worker busy, beyond ~32 examples the matrix products gain nothing (benchmarks/translation.py).
MAX_SUB_BATCH = 32


def auto_batch_size(n: int, workers: int) -> int:
    """Examples per sub-batch: at least one sub-batch per worker, at most :data:`MAX_SUB_BATCH`."""
    return max(1, min(MAX_SUB_BATCH, math.ceil(n / max(1, workers))))



def translate_hop(model: LoadedModel, texts: list[str], options: EngineOptions) -> list[HopOutput]:
    """Translate ``texts`` with one model in a single ``translate_batch`` call (deduplicated)."""
    if not texts:
        return []
    unique = list(dict.fromkeys(texts))
    encoded = model.encode(unique)
    limit = max(8, min(options.max_input_tokens, POSITION_LIMIT - 2))
    units: list[list[str]] = []
    owner: list[int] = []
    flags: list[list[str]] = [[] for _ in unique]
    for i, (text, tokens) in enumerate(zip(unique, encoded, strict=False)):
        if len(tokens) <= limit:
            units.append(tokens)
            owner.append(i)
            continue
        pieces = split_long(text, lambda s: len(model.encode([s])[0]), limit)
        flags[i].append(f"split-long-input:{len(pieces)}")
        for piece_tokens in model.encode(pieces):
            units.append(piece_tokens[:limit])
            owner.append(i)
    longest = max((len(u) for u in units), default=1)
    max_len = options.max_decoding_length or min(POSITION_LIMIT, 2 * longest + 16)
    batch_size = options.max_batch_size or auto_batch_size(len(units), options.workers)
    kwargs: dict[str, Any] = {}
    if model.package.target_prefix:
        kwargs["target_prefix"] = [[model.package.target_prefix]] * len(units)
    results = model.translator.translate_batch(
        units,
        beam_size=options.beam_size,
        num_hypotheses=1,
        max_batch_size=batch_size,
        batch_type="examples",
        max_input_length=0,  # never truncate: long inputs were split above
        max_decoding_length=max_len,
        min_decoding_length=min(options.min_decoding_length, max_len),
        length_penalty=options.length_penalty,
        replace_unknowns=True,
        **kwargs,
    )
    release_heap()
    pieces_out: list[list[str]] = [[] for _ in unique]
    for idx, result in zip(owner, results, strict=False):
        tokens = result.hypotheses[0]
        if len(tokens) >= max_len and options.min_decoding_length < max_len:
            if "truncated" not in flags[idx]:
                flags[idx].append("truncated")
        pieces_out[idx].append(model.decode(tokens))
    by_text = {text: HopOutput(" ".join(p for p in pieces_out[i] if p), flags[i]) for i, text in enumerate(unique)}
    return [HopOutput(by_text[t].text, list(by_text[t].flags)) for t in texts]


def translate_route(route: Route, texts: list[str], options: EngineOptions) -> list[HopOutput]:
    """Translate through every hop of ``route`` (one batched call per hop)."""
    outputs = [HopOutput(t) for t in texts]
    for hop in route.hops:
        model = load_model(hop, options.workers)
        step = translate_hop(model, [o.text for o in outputs], options)
        outputs = [HopOutput(s.text, o.flags + [f for f in s.flags if f not in o.flags])
                   for o, s in zip(outputs, step, strict=False)]
    return outputs

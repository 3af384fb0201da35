"""Checks Sorot's exports with the real tools that read them.

    python3 tests/formats_tools.py DIR

DIR holds the files `cargo test --test formats exports_for_external_tools`
writes when SOROT_TOOL_DIR=DIR: for each sample document `NAME.conll` and
`NAME.spacy.json`. Checked here:

* seqeval (the CoNLL/IOB2 scorer used by Hugging Face and others) reads
  every `.conll` in strict IOB2 mode without complaint, finds exactly the
  entities the spaCy export lists (same labels, same covered text), and
  scores the file against itself at F1 = 1.0.
* spaCy (blank multilingual pipeline, no model download) reads every
  `.spacy.json`: each entity's character offsets (Python code points) make
  a span over the same text (`Doc.char_span`), the spans can all be set as
  `doc.ents` at once (no overlaps), and the document serialises to spaCy's
  training format (`DocBin`).

Exits non-zero with a message on the first problem.
"""

import json
import pathlib
import sys

import spacy
from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import IOB2, Entities
from spacy.tokens import DocBin


def read_conll(path):
    sentences, tokens, tags, cur_tok, cur_tag = [], [], [], [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            if cur_tag:
                tokens.append(cur_tok)
                tags.append(cur_tag)
                cur_tok, cur_tag = [], []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        tok, tag = line.rsplit(" ", 1)
        cur_tok.append(tok)
        cur_tag.append(tag)
    if cur_tag:
        tokens.append(cur_tok)
        tags.append(cur_tag)
    return tokens, tags


def main(folder):
    folder = pathlib.Path(folder)
    files = sorted(folder.glob("*.conll"))
    if not files:
        sys.exit(f"no .conll files in {folder}")
    for conll in files:
        tokens, tags = read_conll(conll)
        # Strict IOB2: raises on a tag that does not fit the scheme.
        entities = Entities(tags, IOB2, suffix=False)
        found = []
        for sent, ents in zip(tokens, entities.entities):
            for e in ents:
                found.append((e.tag, " ".join(sent[e.start:e.end])))
        spacy = json.loads(conll.with_suffix(".spacy.json").read_text(encoding="utf-8"))
        text = spacy["text"]
        want = [(e["label"], " ".join(text[e["start"]:e["end"]].split())) for e in spacy["ents"]]
        # Tokens drop white space and split punctuation, so compare the
        # covered text with all white space removed.
        squash = lambda pairs: [(label, "".join(words.split())) for label, words in pairs]
        if squash(found) != squash(want):
            sys.exit(f"{conll.name}: seqeval finds {found}\n  but the spaCy export has {want}")
        if found:
            f1 = f1_score(tags, tags, mode="strict", scheme=IOB2)
            if f1 != 1.0:
                sys.exit(f"{conll.name}: self-F1 is {f1}")
            classification_report(tags, tags, mode="strict", scheme=IOB2)
        print(f"ok: {conll.name}: {len(found)} entities in {len(tags)} sentences (seqeval strict IOB2)")
        check_spacy(conll.with_suffix(".spacy.json"), spacy)


NLP = spacy.blank("xx")


def check_spacy(path, data):
    """spaCy reads the export: spans over the right text, settable, serialisable."""
    text = data["text"]
    doc = NLP.make_doc(text)
    spans, strict = [], 0
    for e in data["ents"]:
        start, end, label = e["start"], e["end"], e["label"]
        span = doc.char_span(start, end, label=label)
        if span is not None:
            strict += 1
            if span.text != text[start:end]:
                sys.exit(f"{path.name}: spaCy span {span.text!r} != text[{start}:{end}] {text[start:end]!r}")
        else:
            # Our boundaries fall inside one of spaCy's tokens (its
            # tokenizer splits differently); it still places the span.
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or text[start:end] not in span.text:
                sys.exit(f"{path.name}: spaCy cannot place {label} {text[start:end]!r} at {start}..{end}")
        spans.append(span)
    doc.ents = spans  # raises on overlapping entities
    DocBin(docs=[doc]).to_bytes()
    print(f"ok: {path.name}: {len(spans)} entities ({strict} on spaCy's own token boundaries) (spaCy {spacy.__version__})")


if __name__ == "__main__":
    main(sys.argv[1])

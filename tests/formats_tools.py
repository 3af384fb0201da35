"""Checks Sorot's exports with the real tools that read them.

    python3 tests/formats_tools.py DIR

DIR holds the files `cargo test --test formats exports_for_external_tools`
writes when SOROT_TOOL_DIR=DIR: for each sample document `NAME.conll` and
`NAME.spacy.json`. Checked here:

* seqeval (the CoNLL/IOB2 scorer used by Hugging Face and others) reads
  every `.conll` in strict IOB2 mode without complaint, finds exactly the
  entities the spaCy export lists (same labels, same covered text), and
  scores the file against itself at F1 = 1.0.

Exits non-zero with a message on the first problem.
"""

import json
import pathlib
import sys

from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import IOB2, Entities


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


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env bash
# Sorot development set-up: installs what is missing, skips what is present.
#
#   bash scripts/setup.sh            # build tools: wasm target, trunk, wasm-bindgen, npm tools
#   bash scripts/setup.sh --test     # ... and Debian's chromium + chromium-driver for the tests
#   source scripts/setup.sh [--test] # the same, then PATH is set in the calling shell
#
# Idempotent: every step checks the installed VERSION, not just presence, so a
# second run takes seconds. Nothing here downloads a browser or a prebuilt
# binary: the only sources are crates.io (cargo install), the npm registry
# (npm ci from the committed package-lock.json) and Debian (apt-get).
#
# PATH afterwards: <repo>/node_modules/.bin first (binaryen's wasm-opt 132, which
# Trunk must use instead of downloading its own), then ~/.cargo/bin (trunk,
# wasm-bindgen, wasm-bindgen-test-runner).

# ---------------------------------------------------------------------------
# Sourced: run this file as a child process (so `set -euo pipefail` and `exit`
# never touch the caller's shell), then export PATH in the caller.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  __sorot_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if bash "${BASH_SOURCE[0]}" "$@"; then
    __sorot_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
    case ":$PATH:" in *":$__sorot_cargo_bin:"*) ;; *) PATH="$__sorot_cargo_bin:$PATH" ;; esac
    # node_modules/.bin must come first, even if it was already somewhere on PATH.
    PATH="$__sorot_root/node_modules/.bin:$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$__sorot_root/node_modules/.bin" | paste -sd: -)"
    export PATH
    unset __sorot_root __sorot_cargo_bin
    return 0
  else
    __sorot_rc=$?
    unset __sorot_root
    echo "setup.sh: failed (exit $__sorot_rc)" >&2
    return "$__sorot_rc"
  fi
fi

# ---------------------------------------------------------------------------
set -euo pipefail

# The versions this project is built with. Trunk.toml ([tools]) and Cargo.lock
# must agree; the checks below fail clearly when they don't.
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
WASM_TARGET="wasm32-unknown-unknown"
WASM_OPT_MAJOR="132"
NODE_MIN_MAJOR="20"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WANT_TEST=0
for arg in "$@"; do
  case "$arg" in
    --test) WANT_TEST=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg (use --test or nothing)" >&2; exit 2 ;;
  esac
done

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) PATH="$CARGO_BIN:$PATH" ;; esac
PATH="$ROOT/node_modules/.bin:$PATH"
export PATH

say()  { printf '[setup] %s\n' "$*"; }
ok()   { printf '[setup] ok: %s\n' "$*"; }
die()  { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH. $2"; }

# Run a command as root: directly when root, else through sudo when present.
as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run '$*' (not root and no sudo). Run as root, or install it yourself."
  fi
}

# --- Rust toolchain ---------------------------------------------------------
need cargo "Install Rust with rustup (the project needs rustc >= 1.95)."
need rustup "The wasm target is added with rustup."
ok "$(rustc --version)"

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  ok "rust target $WASM_TARGET"
else
  say "adding rust target $WASM_TARGET (rustup target add)"
  rustup target add "$WASM_TARGET"
fi

if cargo clippy --version >/dev/null 2>&1; then
  ok "$(cargo clippy --version)"
else
  say "adding clippy (rustup component add clippy)"
  rustup component add clippy || say "WARNING: could not add clippy; scripts/test.sh will skip the clippy stage"
fi

# --- version agreement: Cargo.lock, Trunk.toml, this script ------------------
if [[ -f Cargo.lock ]]; then
  lock_wb="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock)"
  if [[ -z "$lock_wb" ]]; then
    say "Cargo.lock has no wasm-bindgen entry yet; using $WASM_BINDGEN_VERSION"
  elif [[ "$lock_wb" != "$WASM_BINDGEN_VERSION" ]]; then
    die "Cargo.lock pins wasm-bindgen $lock_wb but this set-up installs wasm-bindgen-cli $WASM_BINDGEN_VERSION.
        They must be equal (the CLI refuses other versions). Either pin wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"
        in Cargo.toml and update Cargo.lock, or change WASM_BINDGEN_VERSION in scripts/setup.sh and
        wasm_bindgen in Trunk.toml together."
  else
    ok "Cargo.lock wasm-bindgen $lock_wb matches wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  fi
else
  say "no Cargo.lock yet; using wasm-bindgen-cli $WASM_BINDGEN_VERSION"
fi
if [[ -f Trunk.toml ]]; then
  toml_wb="$(sed -n 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml | head -n1)"
  if [[ -n "$toml_wb" && "$toml_wb" != "$WASM_BINDGEN_VERSION" ]]; then
    die "Trunk.toml [tools] wasm_bindgen = \"$toml_wb\" but setup installs $WASM_BINDGEN_VERSION; make them equal."
  fi
  toml_trunk="$(sed -n 's/^[[:space:]]*trunk-version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml | head -n1)"
  if [[ -n "$toml_trunk" && "$toml_trunk" != "$TRUNK_VERSION" && "$toml_trunk" != "^$TRUNK_VERSION" && "$toml_trunk" != "=$TRUNK_VERSION" ]]; then
    die "Trunk.toml trunk-version = \"$toml_trunk\" but setup installs trunk $TRUNK_VERSION; make them equal."
  fi
fi

# --- trunk ------------------------------------------------------------------
# `cargo install` of a version other than the installed one replaces it.
have_trunk="$( (trunk --version 2>/dev/null || true) | awk '{print $2}')"
if [[ "$have_trunk" == "$TRUNK_VERSION" ]]; then
  ok "trunk $have_trunk"
else
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); cargo install --locked, about 15 minutes on 2 cores"
  cargo install --locked "trunk@$TRUNK_VERSION"
  have_trunk="$(trunk --version | awk '{print $2}')"
  [[ "$have_trunk" == "$TRUNK_VERSION" ]] || die "trunk --version says $have_trunk after installing $TRUNK_VERSION (is another trunk earlier on PATH? $(command -v trunk))"
fi

# --- wasm-bindgen-cli (wasm-bindgen, wasm-bindgen-test-runner) ---------------
# Without --locked: its lock file pins a webpki-roots release crates.io lacks.
have_wb="$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')"
have_wbtr="$( (wasm-bindgen-test-runner --version 2>/dev/null || true) | awk '{print $2}')"
if [[ "$have_wb" == "$WASM_BINDGEN_VERSION" && "$have_wbtr" == "$WASM_BINDGEN_VERSION" ]]; then
  ok "wasm-bindgen $have_wb, wasm-bindgen-test-runner $have_wbtr"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (found: wasm-bindgen ${have_wb:-none}, test runner ${have_wbtr:-none}); about 3 minutes"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
  have_wb="$(wasm-bindgen --version | awk '{print $2}')"
  [[ "$have_wb" == "$WASM_BINDGEN_VERSION" ]] || die "wasm-bindgen --version says $have_wb after installing $WASM_BINDGEN_VERSION ($(command -v wasm-bindgen))"
fi

# --- npm dev tools: binaryen (wasm-opt), playwright-core, ajv ----------------
need node "Node.js >= $NODE_MIN_MAJOR is needed for wasm-opt (npm binaryen) and the end-to-end tests."
need npm "npm comes with Node.js."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= NODE_MIN_MAJOR )) || die "Node.js $(node --version) is too old; need >= $NODE_MIN_MAJOR."
[[ -f package-lock.json ]] || die "package-lock.json is missing (run 'npm install' once and commit it)."

# The stamp records what node_modules was installed from; npm ci only when it changes.
stamp_file="node_modules/.sorot-npm-stamp"
want_stamp="$(cat package.json package-lock.json | sha256sum | awk '{print $1}') node-$(node --version)"
if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$want_stamp" && -x node_modules/.bin/wasm-opt ]]; then
  ok "node_modules up to date with package-lock.json"
else
  say "installing npm dev tools (npm ci from package-lock.json)"
  npm ci --no-audit --no-fund
  printf '%s\n' "$want_stamp" > "$stamp_file"
fi
wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
[[ "$(command -v wasm-opt)" == "$ROOT/node_modules/.bin/wasm-opt" ]] || die "wasm-opt on PATH is $(command -v wasm-opt), not node_modules/.bin/wasm-opt"
[[ "$wasm_opt_version" == *"version $WASM_OPT_MAJOR"* ]] || die "wasm-opt says '$wasm_opt_version'; need version $WASM_OPT_MAJOR (npm binaryen@$WASM_OPT_MAJOR.0.0)"
ok "$wasm_opt_version ($ROOT/node_modules/.bin/wasm-opt)"

# --- browser for the tests: Debian's chromium + chromium-driver -----------------
if (( WANT_TEST )); then
  missing=()
  for pkg in chromium chromium-driver; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  if (( ${#missing[@]} )); then
    say "installing ${missing[*]} with apt-get (apt-get update first)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update
    as_root apt-get install -y chromium chromium-driver
  fi
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "/usr/bin/chromium or /usr/bin/chromedriver missing after apt-get install"
  chromium_version="$(dpkg-query -W -f='${Version}' chromium)"
  driver_version="$(dpkg-query -W -f='${Version}' chromium-driver)"
  [[ "$chromium_version" == "$driver_version" ]] || die "chromium $chromium_version and chromium-driver $driver_version differ; run: apt-get install -y chromium chromium-driver"
  ok "chromium + chromium-driver $chromium_version"

  # Python tools that read Sorot's exports (tests/formats_tools.py), in a
  # venv under .tools/ (Debian's python3 refuses system-wide pip installs).
  SEQEVAL_VERSION="1.2.2"
  SPACY_VERSION="3.8.7"
  CLICK_VERSION="8.1.8"
  py="$ROOT/.tools/py/bin/python"
  if [[ -x "$py" ]] && "$py" -c "import importlib.metadata as m, sys; sys.exit(m.version('seqeval') != '$SEQEVAL_VERSION' or m.version('spacy') != '$SPACY_VERSION' or m.version('click') != '$CLICK_VERSION')" 2>/dev/null; then
    ok "seqeval $SEQEVAL_VERSION, spaCy $SPACY_VERSION ($py)"
  else
    need python3 "Python 3 is needed to check exports with seqeval."
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
      say "installing python3-venv with apt-get"
      export DEBIAN_FRONTEND=noninteractive
      as_root apt-get install -y python3-venv
    fi
    say "installing seqeval $SEQEVAL_VERSION and spaCy $SPACY_VERSION into .tools/py (pip, from PyPI; no spaCy model is downloaded)"
    [[ -x "$py" ]] || python3 -m venv "$ROOT/.tools/py"
    "$py" -m pip install --disable-pip-version-check -q "seqeval==$SEQEVAL_VERSION" "spacy==$SPACY_VERSION" "click==$CLICK_VERSION"
  fi
fi

say "done. PATH starts with $ROOT/node_modules/.bin and includes $CARGO_BIN"

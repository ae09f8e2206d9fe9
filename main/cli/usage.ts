export const USAGE = `Tapedeck: open, replay and safely fix recorded LLM HTTP cassettes.

Usage:
  tapedeck serve [PATH...] [--port N] [--no-open]
      Serve the app to a browser on 127.0.0.1 with a per-launch token.
      PATH may be folders or cassette files; with none, the built-in samples open.
  tapedeck inspect PATH... [--json]
      Summarise cassettes: interactions, providers, assembled messages, usage, cost.
      --json prints one JSON object per file, one per line. Exit 1 if any file has an error.
  tapedeck redact [--header NAME]... [--pattern REGEX]... [--replacement TEXT] [--write] PATH...
      Find secrets (keys, tokens, cookies) and redact them losslessly. Without --write, print
      a diff and exit 1 when something would change.
  tapedeck lint [--fix] [--format text|json|sarif] [--rule CODE=off|info|warning|error]... PATH...
      Check cassettes for broken and leaky fixtures (tool-call ids, stream terminators,
      secrets, content_length …). --fix applies the safe fixes losslessly. Exit 1 on errors.
  tapedeck grep PATTERN PATH... [--json] [-i] [-w] [--regex]
      Full-text search over every interaction (messages, answers, reasoning, tool calls, URLs,
      header values; never secrets). One line per hit: file:interaction:event: snippet.
      Exit 0 when something is found, 1 when nothing is.
  tapedeck match CASSETTE (--curl "CMD" | --request FILE) [--recorder go-vcr|vcrpy|ruby-vcr|all]
                [--match-on a,b,...] [--ignore-header NAME]... [--json]
      Which interaction go-vcr, vcrpy or Ruby VCR replays for a request (curl, HAR entry or
      JSON), and what differs in the near misses. Exit 0 matched, 1 no match.
  tapedeck diff [--format text|markdown|json] [--show-volatile] A B
  tapedeck diff --git [REV] [PATH...] [--format text|markdown|json] [--show-volatile]
      Semantic diff of cassettes: interactions paired by request and conversation; messages,
      text, tool calls, finish, status, usage and cost, ignoring ids, dates and request ids.
      --git compares the work tree with REV (default HEAD). Exit 1 when something changed.
  tapedeck export --har CASSETTE [-o FILE] [--interaction N]... [--reveal-secrets]
      Write the cassette (or some interactions) as HAR 1.2 for Chrome DevTools or HTTP
      Toolkit, to FILE or stdout. Secret header values and keys are masked unless asked for.
  tapedeck replay PATH... [--port N] [--speed 1|2|max] [--recorder go-vcr|vcrpy|ruby-vcr]
                 [--match-on a,b,...] [--ignore-header NAME]...
      Serve the recorded responses on 127.0.0.1 to real clients (point an SDK's baseURL at
      it), matched as the recorder would, streams paced as recorded; 404 explains a miss.
  tapedeck --help | --version

Exit codes: 0 success, 1 findings/errors in the files, 2 bad usage.
`;

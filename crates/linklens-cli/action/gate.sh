#!/usr/bin/env bash
# Run the gate on the files the inputs name: the JSON report to a file
# (output `json`), the Markdown report to the job summary, and linklens's
# exit status as the step's. Run by action.yml; tested by the CLI's tests
# with the runner's variables pointing at temporary files.
set -uo pipefail
linklens="${LINKLENS:-linklens}"
summary="${GITHUB_STEP_SUMMARY:?set by the runner}"
output="${GITHUB_OUTPUT:?set by the runner}"

shopt -s globstar nullglob
files=()
missing=()
# Patterns are separated by spaces or newlines; each is expanded as a glob.
read -r -d '' -a patterns <<< "$INPUT_FILES" || true
for pattern in "${patterns[@]}"; do
  matches=()
  if [[ "$pattern" == *[*?[]* ]]; then
    # A glob: the files it matches (a directory it matches would be walked
    # again for the same files).
    for m in $pattern; do
      [[ -f "$m" ]] && matches+=("$m")
    done
  elif [[ -e "$pattern" ]]; then
    # A path as given: a directory is walked by linklens.
    matches=("$pattern")
  fi
  if ((${#matches[@]})); then
    files+=("${matches[@]}")
  else
    missing+=("$pattern")
  fi
done
for pattern in "${missing[@]}"; do
  echo "::error title=linklens::no file matches ${pattern}"
done
if ((${#missing[@]} || ${#files[@]} == 0)); then
  # shellcheck disable=SC2016 # the backticks are Markdown's
  printf '### linklens\n\nNo file matches: `%s`\n' "${missing[*]:-${INPUT_FILES}}" >> "$summary"
  echo "status=2" >> "$output"
  exit 2
fi

gate=()
case "${INPUT_REQUIRE_STATIC:-false}" in
  true | TRUE | True | yes | 1) gate+=(--require-static) ;;
  false | FALSE | False | no | 0 | "") ;;
  *) echo "::error title=linklens::require-static is true or false, not ${INPUT_REQUIRE_STATIC}"; echo "status=2" >> "$output"; exit 2 ;;
esac
if [[ -n "${INPUT_TARGETS:-}" ]]; then
  gate+=(--target "${INPUT_TARGETS// /}")
fi
if [[ -n "${INPUT_FAIL_ON:-}" ]]; then
  # "starts, but" as people write it is the verdict id starts-but.
  fail_on="${INPUT_FAIL_ON,,}"
  fail_on="${fail_on//starts, but/starts-but}"
  gate+=(--fail-on "${fail_on// /}")
fi

json="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/linklens-report.json"
"$linklens" --json "${gate[@]}" "${files[@]}" > "$json"
status=$?
"$linklens" --markdown "${gate[@]}" "${files[@]}" >> "$summary"
echo "json=${json}" >> "$output"
echo "status=${status}" >> "$output"
if ((status == 1)); then
  echo "::error title=linklens::a file failed the gate (see the job summary)"
fi
exit "$status"

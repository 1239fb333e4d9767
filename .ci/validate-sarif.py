"""Validate SARIF files against the official SARIF 2.1.0 JSON schema.

The schema is not copied into the repository: .ci/run installs it from the
npm package @microsoft/jest-sarif, which ships it, and passes its path here.

usage: validate-sarif.py SCHEMA FILE...
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema)
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        results = sum(len(run.get("results", [])) for run in doc.get("runs", []))
        if errors:
            failed += 1
            for e in errors:
                print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
        else:
            print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

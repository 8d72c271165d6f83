"""The deployment files agree with the code they deploy.

Docker cannot run where the tests run, so these check the compose file's
structure and its agreement with the settings and deploy/serve.sh instead.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
APP_SERVICES = {"migrate", "web", "worker", "scheduler"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_compose_runs_the_full_stack(compose):
    services = set(compose["services"])

    assert {"postgres", "redis", "elasticsearch", "minio", "nginx"} <= services
    assert services >= APP_SERVICES


def test_elasticsearch_is_version_8_or_9(compose):
    image = compose["services"]["elasticsearch"]["image"]

    assert re.search(r"elasticsearch:(8|9)\.\d+\.\d+$", image)


def test_every_dependency_named_by_a_service_exists(compose):
    services = compose["services"]
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"


def test_app_services_share_one_image_and_configuration(compose):
    services = compose["services"]
    images = {services[name]["image"] for name in APP_SERVICES}
    assert images == {"lms:latest"}
    for name in APP_SERVICES:
        environment = services[name]["environment"]
        for variable in (
            "SECRET_KEY",
            "DATABASE_URL",
            "REDIS_URL",
            "ELASTICSEARCH_URL",
            "AWS_STORAGE_BUCKET_NAME",
            "ALLOWED_HOSTS",
        ):
            assert environment.get(variable), f"{name} lacks {variable}"
        assert environment["DEBUG"] == "0"


def test_secrets_come_from_the_environment_not_the_file(compose):
    environment = compose["services"]["web"]["environment"]

    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]


def test_web_waits_for_migrations_and_reports_readiness(compose):
    web = compose["services"]["web"]

    assert web["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert "/readyz" in " ".join(web["healthcheck"]["test"])


def test_worker_runs_the_same_command_as_serve_sh(compose):
    worker = compose["services"]["worker"]["command"]
    script = (DEPLOY / "serve.sh").read_text()

    assert worker[:3] == ["python", "manage.py", "rqworker"]
    assert "--job-class django_tasks_rq.Job" in " ".join(worker)
    assert "--job-class django_tasks_rq.Job" in script
    assert worker[-3:] == ["default", "processing", "search"]


def test_queues_match_the_task_settings(compose, settings):
    worker = compose["services"]["worker"]["command"]

    assert worker[-3:] == list(settings.TASKS["default"]["QUEUES"])


def test_redis_never_evicts_queued_tasks(compose):
    command = compose["services"]["redis"]["command"]

    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"


def test_the_nginx_sample_passes_the_request_id_and_keeps_probes_private():
    config = (DEPLOY / "nginx.conf").read_text()

    assert "proxy_set_header X-Request-ID $request_id;" in config
    assert re.search(r"location ~ \^/\(healthz\|readyz\)\$ \{[^}]*deny all;", config)


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_the_nginx_sample_is_valid_nginx(tmp_path):
    site = (DEPLOY / "nginx.conf").read_text()
    # "web" resolves only inside the compose network.
    (tmp_path / "site.conf").write_text(
        site.replace("server web:8000", "server 127.0.0.1:8000")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n  include {tmp_path}/site.conf;\n}}\n"
    )

    result = subprocess.run(  # noqa: S603
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr

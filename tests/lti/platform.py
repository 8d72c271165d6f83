"""An LTI 1.3 platform for the tests: its own RSA keys, and a loopback HTTP
server with its key set, its OAuth 2 token endpoint and a line item's score
service. The token endpoint and the score service check the tool's
signatures against the key set the tool publishes at /lti/jwks.json."""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
ISSUER = "https://lms.truong-thpt.example.vn"
CLIENT_ID = "kho-hoc-lieu-client"
DEPLOYMENT_ID = "deployment-1"


@dataclass
class Platform:
    key: Any = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))
    kid: str = "platform-key-1"
    tool_jwks: dict = field(default_factory=dict)  # what the tool publishes
    tokens: set = field(default_factory=set)
    scores: list = field(default_factory=list)
    refuse_scores: int = 0  # answer this many score posts with 503
    server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def line_item_url(self) -> str:
        return f"{self.base_url}/courses/7/lineitems/3/lineitem?type=lesson"

    def public_jwks(self) -> dict:
        jwk = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def id_token(self, nonce: str, *, key=None, **overrides) -> str:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": "moodle-user-42",
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "name": "Nguyễn Thị Hoa",
            "email": "hoa.nguyen@truong-thpt.example.vn",
            CLAIM + "deployment_id": DEPLOYMENT_ID,
            CLAIM + "message_type": "LtiResourceLinkRequest",
            CLAIM + "version": "1.3.0",
            CLAIM + "roles": [
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
            ],
            CLAIM + "resource_link": {"id": "link-1"},
        }
        claims.update(overrides)
        return jwt.encode(
            {k: v for k, v in claims.items() if v is not None},
            key or self.key,
            algorithm="RS256",
            headers={"kid": self.kid},
        )

    def verify_tool_jwt(self, token: str, audience: str) -> dict:
        """Claims of a JWT the tool signed, checked against its published keys."""
        kid = jwt.get_unverified_header(token)["kid"]
        jwk = next(k for k in self.tool_jwks["keys"] if k["kid"] == kid)
        return jwt.decode(
            token,
            RSAAlgorithm.from_jwk(json.dumps(jwk)),
            algorithms=["RS256"],
            audience=audience,
        )

    def start(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(platform: Platform):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _answer(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/jwks":
                return self._answer(200, platform.public_jwks())
            return self._answer(404, {})

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path == "/token":
                return self._token(parse_qs(body.decode()))
            if self.path.startswith("/courses/7/lineitems/3/lineitem/scores"):
                return self._score(body)
            return self._answer(404, {})

        def _token(self, form: dict) -> None:
            try:
                claims = platform.verify_tool_jwt(
                    form["client_assertion"][0], audience=f"{platform.base_url}/token"
                )
            except (KeyError, StopIteration, jwt.PyJWTError):
                return self._answer(401, {"error": "invalid_client"})
            if claims["iss"] != CLIENT_ID or claims["sub"] != CLIENT_ID:
                return self._answer(401, {"error": "invalid_client"})
            token = secrets.token_urlsafe(16)
            platform.tokens.add(token)
            return self._answer(200, {"access_token": token, "expires_in": 3600})

        def _score(self, body: bytes) -> None:
            if self.headers.get("Authorization", "")[7:] not in platform.tokens:
                return self._answer(401, {})
            if (
                self.headers.get("Content-Type")
                != "application/vnd.ims.lis.v1.score+json"
            ):
                return self._answer(415, {})
            if platform.refuse_scores:
                platform.refuse_scores -= 1
                return self._answer(503, {"error": "try later"})
            platform.scores.append({"path": self.path, **json.loads(body)})
            return self._answer(200, {})

    return Handler

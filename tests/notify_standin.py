"""A local stand-in for the GOV.UK Notify API, started by the tests: it checks each request's JWT the way Notify
does (HS256 signed with the key's secret, issued by the service, issued within the last 30 seconds) and records
the bodies of POST /v2/notifications/email. Addresses in `refuse` get Notify's 400 validation error."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt

SERVICE_ID = "3f5c6a7e-1b2d-4c3e-9f8a-0b1c2d3e4f5a"
SECRET = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
API_KEY = f"councilplan_test-{SERVICE_ID}-{SECRET}"


class NotifyStandIn:
    def __init__(self):
        self.sent: list[dict] = []
        self.refused_tokens = 0
        self.refuse: set[str] = set()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output quiet
                pass

            def reply(self, status: int, payload: dict):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                try:
                    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"require": ["iss", "iat"]})
                    if claims["iss"] != SERVICE_ID or abs(time.time() - claims["iat"]) > 30:
                        raise jwt.InvalidTokenError("wrong issuer or stale")
                except jwt.InvalidTokenError:
                    stand_in.refused_tokens += 1
                    return self.reply(
                        403,
                        {"status_code": 403, "errors": [{"error": "AuthError", "message": "Invalid token: signature"}]},
                    )
                if self.path != "/v2/notifications/email":
                    return self.reply(404, {"status_code": 404, "errors": [{"error": "NotFound", "message": "no"}]})
                if body.get("email_address") in stand_in.refuse:
                    return self.reply(
                        400,
                        {
                            "status_code": 400,
                            "errors": [{"error": "ValidationError", "message": "email_address Not a valid email"}],
                        },
                    )
                stand_in.sent.append(body)
                return self.reply(
                    201,
                    {
                        "id": str(uuid.uuid4()),
                        "reference": None,
                        "content": {"subject": body["personalisation"]["subject"], "body": "", "from_email": "x"},
                        "uri": "",
                        "template": {"id": body["template_id"], "version": 1, "uri": ""},
                    },
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

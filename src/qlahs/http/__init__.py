"""The HTTP/JSON service and the leaders' dashboard: the same Engine reached from any backend
and any browser (docs/http.md). A face: it imports the engine and what is below it; nothing in
qlahs imports it (`qlahs serve` starts it by name through uvicorn)."""

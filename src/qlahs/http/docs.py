"""`/docs`: the OpenAPI document FastAPI builds from the command models, rendered as one
page on the server. No script, font or stylesheet from a CDN: the service runs on closed
networks. The machine-readable document stays at `/openapi.json`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from qlahs.http.render import page

router = APIRouter(include_in_schema=False)
WHERE = {"query": "truy vấn", "path": "đường dẫn", "header": "tiêu đề", "cookie": "cookie"}


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            tag = (operation.get("tags") or ["Khác"])[0]
            groups.setdefault(tag, []).append(_operation(spec, path, method, operation))
    return page(
        "docs.html",
        title="Tài liệu dịch vụ HTTP",
        subtitle=f"{spec['info']['title']} — phiên bản {spec['info']['version']}",
        groups=sorted(groups.items(), key=lambda item: item[0].startswith("Lệnh:")),
    )


def _operation(spec: dict[str, Any], path: str, method: str, op: dict[str, Any]) -> Any:
    parameters = [
        {
            "name": p["name"],
            "where": WHERE.get(p.get("in", ""), p.get("in", "")),
            "type": _type(spec, p.get("schema", {})),
            "required": p.get("required", False),
            "description": p.get("description", ""),
        }
        for p in op.get("parameters", [])
    ]
    body: list[dict[str, Any]] = []
    content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    schema = _resolve(spec, content.get("schema", {}))
    required = set(schema.get("required", []))
    for name, field in schema.get("properties", {}).items():
        body.append(
            {
                "name": name,
                "type": _type(spec, field),
                "required": name in required,
                "description": _resolve(spec, field).get("description", ""),
            }
        )
    return {
        "method": method.upper(),
        "path": path,
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "parameters": parameters,
        "body": body,
    }


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return schema
    found: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        found = found.get(part, {})
    return dict(found)


def _type(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    """A field's type in a few words: `string (date)`, `integer`, one of the listed values."""
    schema = _resolve(spec, schema)
    if "enum" in schema:
        return "một trong: " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            kinds = [_type(spec, s) for s in schema[key] if s.get("type") != "null"]
            return " | ".join(dict.fromkeys(kinds))
    kind = str(schema.get("type", "object"))
    if kind == "array":
        return f"danh sách {_type(spec, schema.get('items', {}))}"
    form = schema.get("format")
    return f"{kind} ({form})" if form else kind

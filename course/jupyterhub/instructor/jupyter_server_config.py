"""The instructor's server on the hub: let JupyterLab show the formgrader.

JupyterHub >= 4.1 forbids framing a single-user server (``frame-ancestors 'none'``),
and the formgrader is a page of this same server that JupyterLab shows in an
iframe: allow framing by this server's own origin, and no other.
"""

c = get_config()  # noqa: F821 - provided by Jupyter Server when it reads this file

c.ServerApp.tornado_settings = {
    "headers": {"Content-Security-Policy": "frame-ancestors 'self'"},
}

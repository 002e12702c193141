"""The display named by the session is asked before Qt is (Qt aborts the process when it
is gone): a display that answers lets the window open, one that does not is one line."""

from __future__ import annotations

import socket

import pytest

from fieldbus.cli.display_check import unreachable_display


@pytest.fixture
def wayland_socket(tmp_path):
    path = tmp_path / "wayland-test"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()
    yield path
    server.close()


@pytest.fixture
def x11_over_tcp():
    """An X server's port on loopback (6000 + display number), as ssh forwarding makes."""
    for number in range(60, 120):
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            server.bind(("127.0.0.1", 6000 + number))
        except OSError:
            server.close()
            continue
        server.listen()
        yield f"127.0.0.1:{number}.0"
        server.close()
        return
    pytest.fail("no free port in 6060-6119 for a pretend X server")


def test_a_display_that_answers_lets_the_window_open(wayland_socket, x11_over_tcp, tmp_path):
    assert unreachable_display({"WAYLAND_DISPLAY": str(wayland_socket)}) is None
    assert unreachable_display({"WAYLAND_DISPLAY": wayland_socket.name,
                                "XDG_RUNTIME_DIR": str(tmp_path)}) is None
    assert unreachable_display({"DISPLAY": x11_over_tcp}) is None
    # a gone Wayland socket beside a live X server: Qt falls back to xcb
    assert unreachable_display({"WAYLAND_DISPLAY": "gone", "XDG_RUNTIME_DIR": str(tmp_path),
                                "DISPLAY": x11_over_tcp}) is None


@pytest.mark.parametrize("environ", [
    {"DISPLAY": ":97"},              # a local X server that is not running
    {"DISPLAY": "127.0.0.1:1.0"},    # ssh forwarding that is gone (nothing on port 6001)
    {"DISPLAY": "not a display"},
    {"WAYLAND_DISPLAY": "wayland-gone", "XDG_RUNTIME_DIR": "/nonexistent"},
], ids=["x11-local", "x11-tcp", "garbage", "wayland"])
def test_a_display_that_does_not_answer_is_one_line_naming_it(environ):
    message = unreachable_display(environ)
    assert message and "\n" not in message and "does not answer" in message
    assert next(iter(environ.values())) in message


def test_a_platform_named_for_qt_is_not_second_guessed():
    assert unreachable_display({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":97"}) is None

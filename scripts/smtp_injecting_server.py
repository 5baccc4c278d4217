"""A hostile SMTP server for the STARTTLS test: it answers STARTTLS with its 220 and, in the same
write, a plaintext reply an attacker on the path could append ("554 injected"). A client that reads
that line after the handshake takes it for the answer to its next command and fails; a client that
drops it delivers the message, which is stored in DIR/new like a maildir.
usage: python smtp_injecting_server.py PORT CERT KEY DIR"""
import os
import socket
import ssl
import sys
import threading
import uuid


def verb_of(line):
    return line.decode(errors="replace").strip().split(" ")[0].upper()


def serve(connection, context, folder):
    stream = connection.makefile("rb")

    def send(text):
        connection.sendall(text.encode())

    send("220 inject.test ESMTP\r\n")
    for line in iter(stream.readline, b""):
        verb = verb_of(line)
        if verb == "EHLO":
            send("250-inject.test\r\n250 STARTTLS\r\n")
        elif verb == "STARTTLS":
            send("220 go ahead\r\n554 5.7.0 injected before TLS\r\n")
            connection = context.wrap_socket(connection, server_side=True)
            stream = connection.makefile("rb")
            break
        else:
            send("503 STARTTLS first\r\n")
    else:
        return  # the client left before STARTTLS
    message = []
    for line in iter(stream.readline, b""):
        verb = verb_of(line)
        if verb == "EHLO":
            send("250 inject.test\r\n")
        elif verb in ("MAIL", "RCPT"):
            send("250 ok\r\n")
        elif verb == "DATA":
            send("354 go on\r\n")
            while True:
                data = stream.readline()
                if not data or data == b".\r\n":
                    break
                message.append(data)
            with open(os.path.join(folder, "new", uuid.uuid4().hex), "wb") as file:
                file.write(b"".join(message))
            send("250 stored\r\n")
        elif verb == "QUIT":
            send("221 bye\r\n")
            return
        else:
            send("502 not here\r\n")


def main(port, cert, key, folder):
    os.makedirs(os.path.join(folder, "new"), exist_ok=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", port))
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=lambda: _closing(connection, context, folder), daemon=True).start()


def _closing(connection, context, folder):
    try:
        serve(connection, context, folder)
    except (OSError, ssl.SSLError):
        pass
    finally:
        connection.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])

"""`python -m realclients.standins TOOL ARGS...`: the entry of every stand-in wrapper script."""
import sys

from . import docker, helm, kubectl, small

TOOLS = {
    "aws": small.aws,
    "curl": small.curl,
    "docker": docker.main,
    "helm": helm.main,
    "kubectl": kubectl.main,
    "session-manager-plugin": small.session_manager_plugin,
    "sudo": small.sudo,
}

if __name__ == "__main__":
    sys.exit(TOOLS[sys.argv[1]](sys.argv[2:]))

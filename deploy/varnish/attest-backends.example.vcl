# The deployment's half of deploy/varnish/attest.vcl, for two app instances on
# this machine (scripts/serve.mjs on ports 3000 and 3001). Copy it as
# attest-backends.vcl into a folder on Varnish's vcl_path, put your instances'
# addresses in it, and start Varnish:
#
#   varnishd -a :6081 -f deploy/varnish/attest.vcl -s malloc,256m \
#            -p vcl_path=/etc/attest:$PWD/deploy/varnish
#
# The contract attest.vcl relies on (a generated file must keep it too):
#   1. one `backend` per app instance, each with a `.probe`; here they share
#      `attest_health`, a GET of /api/health/live, which answers 200 while the
#      instance serves. `.initial = .threshold` lets an instance take traffic
#      at once, before its first probe.
#   2. `sub attest_add_backends`, called once from attest.vcl's vcl_init
#      right after `new attest_pool = directors.round_robin();`: it adds every
#      backend to attest_pool (a backend left out is never used, and Varnish
#      refuses a VCL with an unused backend).
#   3. `acl attest_purgers`: the addresses the app instances' PURGE requests
#      come from (their source address as Varnish sees it; nobody else may
#      purge).
#   4. no vcl_* subroutine (attest.vcl owns them), no `vcl 4.1;` line, no
#      import (attest.vcl imports directors, std and xkey before including
#      this file).
# Names: keep them prefixed attest_ so they cannot clash with attest.vcl's.

probe attest_health {
	.request =
		"GET /api/health/live HTTP/1.1"
		"Host: localhost"
		"Connection: close"
		"User-Agent: Varnish health probe";
	.interval = 1s;
	.timeout = 1s;
	.window = 3;
	.threshold = 2;
	.initial = 2;
}

backend attest_app_1 {
	.host = "127.0.0.1";
	.port = "3000";
	.connect_timeout = 1s;
	.first_byte_timeout = 30s;
	.between_bytes_timeout = 10s;
	.probe = attest_health;
}

backend attest_app_2 {
	.host = "127.0.0.1";
	.port = "3001";
	.connect_timeout = 1s;
	.first_byte_timeout = 30s;
	.between_bytes_timeout = 10s;
	.probe = attest_health;
}

sub attest_add_backends {
	attest_pool.add_backend(attest_app_1);
	attest_pool.add_backend(attest_app_2);
}

acl attest_purgers {
	"127.0.0.1";
	"::1";
}

// Current.headers() is read-only: Headers has no set(), so the mutation cannot even be written.
// Next throws at run time here (500); do the same, with Next's message.
import dev.approute.*;

class Route {
    static Response GET() {
        Headers h = Current.headers();
        // In Next: h.set('x-try', '1')
        throw new UnsupportedOperationException("Headers cannot be modified (" + h.names().size()
                + " request headers). Read more: https://nextjs.org/docs/app/api-reference/functions/headers");
    }
}

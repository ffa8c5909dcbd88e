// NextResponse.next() is middleware-only and has no approute equivalent; Next answers 500 here.
import dev.approute.*;

class Route {
    static Response GET() {
        throw new UnsupportedOperationException("NextResponse.next() is middleware-only");
    }
}

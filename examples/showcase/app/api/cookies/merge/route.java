// Current.cookies().set() plus an explicit Set-Cookie on the returned Response: both must be sent.
import dev.approute.*;

class Route {
    static Response GET() {
        Current.cookies().set("fromStore", "store-value");
        return Response.text("merged", init -> init.header("Set-Cookie", "fromResponse=response-value; Path=/"));
    }
}

package io.stave.tools;

/** The status codes of toolbench.md §5.4 and the server-error mapping of §7.2. */
public final class StatusCodes {

    public static final int OK = 0;
    public static final int HALLUCINATED_NAME = 1;
    public static final int BAD_FINISH = 2;
    public static final int GIVE_ANSWER = 3;
    public static final int GIVE_UP = 4;
    public static final int TIMEOUT = 5;
    public static final int API_NOT_WORKING = 6;
    public static final int UNAUTHORIZED = 7;
    public static final int UNSUBSCRIBED = 8;
    public static final int TOO_MANY_REQUESTS = 9;
    public static final int RATE_LIMIT_PER_MINUTE = 10;
    public static final int MESSAGE_ERROR = 11;
    public static final int HTTP_ERROR = 12;

    private StatusCodes() {}

    /** The status of a server reply's {@code error} string: exact comparison, anything else is 0. */
    public static int ofServerError(String error) {
        if (error == null) {
            return OK;
        }
        return switch (error) {
            case "API not working error..." -> API_NOT_WORKING;
            case "Unauthorized error..." -> UNAUTHORIZED;
            case "Unsubscribed error..." -> UNSUBSCRIBED;
            case "Too many requests error..." -> TOO_MANY_REQUESTS;
            case "Rate limit per minute error..." -> RATE_LIMIT_PER_MINUTE;
            case "Message error..." -> MESSAGE_ERROR;
            default -> OK;
        };
    }
}

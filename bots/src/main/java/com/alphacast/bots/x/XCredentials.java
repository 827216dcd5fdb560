package com.alphacast.bots.x;

/** OAuth 1.0a user-context credentials of the posting account. */
public record XCredentials(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {

    public XCredentials {
        for (String[] value : new String[][] {{consumerKey, "consumer key"}, {consumerSecret, "consumer secret"},
                {accessToken, "access token"}, {accessTokenSecret, "access token secret"}}) {
            if (value[0] == null || value[0].isBlank()) {
                throw new IllegalArgumentException("X " + value[1] + " is missing");
            }
        }
    }

    @Override
    public String toString() {
        return "XCredentials[all four hidden]";
    }
}

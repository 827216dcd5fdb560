package com.alphacast.localcloud;

/**
 * One HTTP route the local stack serves, for people: {@code POST http://127.0.0.1:8002/telegram/webhook -> TelegramWebhookFunction}.
 *
 * @param method   {@code GET}, {@code POST}, ..., or {@code ANY}
 * @param routeKey API Gateway's route key, e.g. {@code POST /orders/{id}} or {@code $default}
 * @param url      the route on the local endpoint, path parameters left as {@code {name}}
 */
public record HttpRouteListing(String method, String routeKey, String url, String functionLogicalId, String eventName) {
}

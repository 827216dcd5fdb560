package com.alphacast.core.usecase.briefing;

/**
 * Tells the operators (never the subscribers) something they must look at: why the template briefing was
 * published instead of the model's, a closed day the schedule fired on.
 */
public interface OperatorAlerts {

    void alert(String message);
}

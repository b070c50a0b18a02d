package io.kubesim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KubesimApplication {
    public static void main(String[] args) {
        SpringApplication.run(KubesimApplication.class, args);
    }
}

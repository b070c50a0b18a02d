package io.kubesim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class KubesimApplication {
    public static void main(String[] args) {
        SpringApplication.run(KubesimApplication.class, args);
    }
}
